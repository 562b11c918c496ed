-- Schema version 6: a refund is the price; the original shipping and its insurance, paid on
-- top of it, are refunded only where the policy says so. The two settings that "deducted"
-- them become `original_shipping_refunded` and `insurance_refunded` (their opposites).

UPDATE shop_settings
SET settings_json = json_set(
        json_remove(settings_json, '$.policy.deduct_original_shipping', '$.policy.deduct_insurance'),
        '$.policy.original_shipping_refunded',
        json(CASE WHEN json_extract(settings_json, '$.policy.deduct_original_shipping') = 0 THEN 'true' ELSE 'false' END),
        '$.policy.insurance_refunded',
        json(CASE WHEN json_extract(settings_json, '$.policy.deduct_insurance') = 0 THEN 'true' ELSE 'false' END))
WHERE json_extract(settings_json, '$.policy') IS NOT NULL;
