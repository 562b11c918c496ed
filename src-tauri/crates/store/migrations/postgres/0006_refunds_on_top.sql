-- Schema version 6 on PostgreSQL (../0006_refunds_on_top.sql on SQLite): a refund is the
-- price; the original shipping and its insurance, paid on top of it, are refunded only where
-- the policy says so. The two settings that "deducted" them become
-- `original_shipping_refunded` and `insurance_refunded` (their opposites): refunded exactly
-- where the old setting was false (as SQLite's json_extract, 0 counts as false), not
-- refunded where it was true or absent. Settings stay TEXT; jsonb only does the editing.

UPDATE shop_settings
SET settings_json = jsonb_set(
        jsonb_set(
            settings_json::jsonb #- '{policy,deduct_original_shipping}' #- '{policy,deduct_insurance}',
            '{policy,original_shipping_refunded}',
            to_jsonb(COALESCE(settings_json::jsonb #> '{policy,deduct_original_shipping}' IN ('false', '0'), false))),
        '{policy,insurance_refunded}',
        to_jsonb(COALESCE(settings_json::jsonb #> '{policy,deduct_insurance}' IN ('false', '0'), false)))::text
WHERE jsonb_typeof(settings_json::jsonb -> 'policy') = 'object';
