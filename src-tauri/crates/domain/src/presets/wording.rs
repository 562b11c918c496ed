//! The seed shops' own words behind each preset value, quoted verbatim (cut only with "…").
//! Text in square brackets is Caseback's note; a field a seed says nothing about gets a
//! "Not stated …" note instead of a quote.

/// 000, SOFTERSPOT.
pub(super) fn softerspot(key: &str) -> Option<&'static str> {
    const NOT_STATED: &str = "Not stated in SOFTERSPOT's policy; Caseback's default.";
    Some(match key {
        "policy.return_evidence" => {
            "In some cases, you may be required to include a video or photo of the defective product for proof in \
             order to refund or replace the product."
        }
        "policy.paired_devices_excluded"
        | "policy.assessment_due"
        | "policy.quotation_validity"
        | "policy.quotation_hold"
        | "policy.extra_media_request"
        | "policy.storage_grace"
        | "policy.storage_fee_per_day"
        | "policy.parts_returned"
        | "policy.shipping_insurance_rate"
        | "policy.signature_threshold"
        | "policy.warranty_starts"
        | "policy.replacement_due"
        | "policy.insurance_refunded"
        | "policy.working_days"
        | "policy.holidays"
        | "policy.instalment_refund_rule"
        | "policy.max_instalments"
        | "money.tax_rate" => NOT_STATED,
        "policy.shop_pays_shipping_within" => {
            "We provide a 30-day satisfaction guarantee. If there is a problem within 30 days after receipt of the \
             products, we will pay the shipping fee. If it exceeds 30 days, you need to pay the shipping fee yourself."
        }
        "policy.warranty" => "Warranty: the guarantee of our most products is one year.",
        "policy.dead_on_arrival" => {
            "If you receive a product that is damaged in shipping, defective or that is not the product you ordered, \
             please return it during your return and exchange time period to SOFTERSPOT and we'll arrange for a \
             replacement. [Caseback: set to the 15-day return window.]"
        }
        "policy.return_window" | "policy.return_window_starts" => {
            "If there is any reason you are not satisfied, you have 15 days from purchase to return it with a \
             money-back guarantee."
        }
        "policy.returns_condition" => {
            "To be eligible for a return, your item must be in the same condition that you received it, unworn or \
             unused, with tags, and in its original packaging. [Caseback: refused when used; opening it is allowed.]"
        }
        "policy.colour_claims_accepted" => {
            "If you order wrong item by yourself, or you found it is not you want to order (not quality problem), we \
             will not provide return policy to you, please aware of this."
        }
        "policy.non_returnable" => {
            "Custom and personalized orders made especially for you are nonreturnable. … Purchased pairs & bundles \
             may only be returned as a complete bundle. Partial returns of pairs & bundles is not permitted."
        }
        "policy.rma_validity" => {
            "We will then email you a Return/Exchange Form and your Return Authorization Number (required). \
             [Caseback: how long it stays valid is not stated; the default applies.]"
        }
        "policy.no_rma_hold" => {
            "Do Not ship product to SOFTERSPOT without first contacting SOFTERSPOT for Approval. Any unauthorized \
             returns will be declined. Declined product will be discarded."
        }
        "policy.rma_required" => {
            "We will then email you a Return/Exchange Form and your Return Authorization Number (required). … Any \
             unauthorized returns will be declined."
        }
        "policy.inspection_due" => {
            "We will notify you once we’ve received and inspected your return, and let you know if the refund was \
             approved or not. [Caseback: no deadline is stated; the default applies.]"
        }
        "policy.partial_refund_min" | "policy.partial_refund_max" => {
            "Please return items with all accessories and packaging. If you do not, we may either deny the return, or \
             allow a return with a nonrefundable deduction on your refund for what is missing. [Caseback: no \
             percentages are stated; the default range applies.]"
        }
        "policy.refund_due" => {
            "Once we receive the return device to our warehouse, it will take approximately 2 business days to \
             process a refund."
        }
        "policy.card_refund_posting" | "policy.paypal_refund_posting" | "policy.bank_refund_posting" => {
            "Once we issue a refund, it can take 5-7 business days for it to reflect in your original method of \
             payment. [Caseback: for every payment method; the \"10 - 15 business days\" named under Credit \
             Card/PayPal count from the refund request, not from the refund.]"
        }
        "policy.original_shipping_refunded" => "Unfortunately, we cannot refund your original shipping charges.",
        "policy.deduct_return_customs" => {
            "Please note that you're responsible for customs clearance and tariff payments where applicable."
        }
        "policy.paypal_refund_fee" => {
            "Please check your PayPal account timely or contact our customer service. And we will charge you 10% \
             handling fee."
        }
        "policy.exchange_window" => {
            "If you decide that you want to return an item for any reason other than the quality of the product \
             within 45 days of receiving your order:"
        }
        "policy.exchange_fee" => {
            "If you want to change the color you'll have to pay for return shipping costs and tariffs plus 50% of the \
             product price you've brought, and we'll mail you a replacement product."
        }
        "policy.return_postage" => {
            "Return freight charges are not reimbursable unless the return is due to a manufacturer’s defect or a \
             direct result of an error on our part."
        }
        "policy.returns_from_abroad" => {
            "DHL Express Shipping - Shipped by air, arrives in 7-10 days after parcel ships out. Customer are \
             responsible for customs clearance and tariff payments where applicable."
        }
        "policy.refund_due_from" => {
            "Once we receive the return device to our warehouse, it will take approximately 2 business days to \
             process a refund."
        }
        _ => return None,
    })
}

/// 001, KOSPET.
pub(super) fn kospet(key: &str) -> Option<&'static str> {
    const NOT_STATED: &str = "Not stated in KOSPET's policy; Caseback's default.";
    Some(match key {
        "policy.return_evidence" => {
            "Customers must first send a clear photo or video of the damaged or defective product and the shipping \
             packaging before we can consider issuing RMA authorization."
        }
        "policy.paired_devices_excluded"
        | "policy.assessment_due"
        | "policy.quotation_validity"
        | "policy.quotation_hold"
        | "policy.extra_media_request"
        | "policy.storage_grace"
        | "policy.storage_fee_per_day"
        | "policy.parts_returned"
        | "policy.shipping_insurance_rate"
        | "policy.signature_threshold"
        | "policy.colour_claims_accepted"
        | "policy.non_returnable"
        | "policy.partial_refund_min"
        | "policy.partial_refund_max"
        | "policy.refund_due"
        | "policy.card_refund_posting"
        | "policy.paypal_refund_posting"
        | "policy.bank_refund_posting"
        | "policy.insurance_refunded"
        | "policy.paypal_refund_fee"
        | "policy.exchange_window"
        | "policy.exchange_fee"
        | "policy.working_days"
        | "policy.holidays"
        | "policy.instalment_refund_rule"
        | "policy.max_instalments"
        | "money.tax_rate" => NOT_STATED,
        "policy.shop_pays_shipping_within" => {
            "The shipping fee for returning the product will be paid by the customer and is non-refundable except \
             for in 7 days DOA situations."
        }
        "policy.warranty" => {
            "we promise to provide KOSPET users with a one-year quality warranty service from the date of delivery."
        }
        "policy.warranty_starts" => {
            "the default product warranty period is one year starting from the date you receive the goods, during \
             which you are eligible for free repair."
        }
        "policy.dead_on_arrival" => {
            "If your item arrives damaged or is not working, please follow the warranty process and contact our \
             Service Center for RMA authorization within 7 days of the order being received."
        }
        "policy.return_window" | "policy.return_window_starts" => {
            "If for whatever reason you do not want your item within 15 days of receiving it, you may also contact us \
             for a return and refund."
        }
        "policy.returns_condition" => {
            "Items MUST be returned in their original packaging, unused and unopened to qualify for a product refund."
        }
        "policy.rma_validity" => {
            "All returns must first be authorized by KOSPET's Support Team before return. [Caseback: how long an RMA \
             stays valid is not stated; the default applies.]"
        }
        "policy.rma_required" => {
            "If the customer has returned the package without prior authorization (RMA form) … then again KOSPET \
             reserves the right to refuse any compensation."
        }
        "policy.no_rma_hold" => {
            "If the customer has returned the package without prior authorization (RMA form) … then again KOSPET \
             reserves the right to refuse any compensation. [Caseback: no hold period is stated; the default applies.]"
        }
        "policy.inspection_due" => {
            "All returns will be inspected by our technical team upon arrival. [Caseback: no deadline is stated; the \
             default applies.]"
        }
        "policy.replacement_due" => {
            "we can send you a new item free of charge (we will reimburse you the return shipping cost), or you can \
             choose to receive a full refund. [Caseback: no deadline is promised.]"
        }
        "policy.original_shipping_refunded" => {
            "Kindly note that in such cases the return shipping fee is the customer's responsibility and is \
             non-refundable. [Caseback: the original shipping charge is not mentioned; by default it is not refunded.]"
        }
        "policy.deduct_return_customs" => {
            "During the return shipping, the customer is responsible for all customs charges, duties, or tariffs \
             during the items return to our warehouse. In these cases, we will deduct the customs fees from your \
             authorized refund amount."
        }
        "policy.return_postage" => {
            "The shipping fee for returning the product will be paid by the customer and is non-refundable except \
             for in 7 days DOA situations."
        }
        "policy.returns_from_abroad" => {
            "During the return shipping, the customer is responsible for all customs charges, duties, or tariffs \
             during the items return to our warehouse."
        }
        "policy.refund_due_from" => NOT_STATED,
        _ => return None,
    })
}

/// 002, lx-watch / cleanvswatch.com: `Policy::default()`.
pub(super) fn lx_watch(key: &str) -> Option<&'static str> {
    const NOT_STATED: &str = "Not stated in lx-watch's policy; Caseback's default.";
    Some(match key {
        "policy.return_evidence" => {
            "Not stated in lx-watch's policy; Caseback's default (a photo or video before a defect return)."
        }
        "policy.dead_on_arrival"
        | "policy.replacement_due"
        | "policy.exchange_window"
        | "policy.exchange_fee"
        | "policy.paired_devices_excluded" => NOT_STATED,
        "policy.assessment_due" => {
            "our certified technicians will complete a damage assessment within 2 business days and provide a \
             transparent cost breakdown (including part sourcing fees if applicable)."
        }
        "policy.quotation_validity" => {
            "The quotation includes a line-by-line breakdown of labor costs, part prices, applicable GST, and \
             estimated repair timeline, and is valid for 2 weeks from issuance."
        }
        "policy.quotation_hold" => {
            "If no response is received within the 2-week validity period, the quotation expires, and the product \
             will be held for 3 extra days before we notify you to arrange return shipping (at your cost)."
        }
        "policy.extra_media_request" => {
            "You may request additional media of specific components within 1 business day of receiving the notice."
        }
        "policy.storage_grace" | "policy.storage_fee_per_day" => {
            "All outstanding fees—including repair costs, inspection fees (if applicable), and storage fees ($10 per \
             day for items held over 7 days after notice)—must be settled before collection."
        }
        "policy.parts_returned" => {
            "All replaced parts (from both warranty and non-warranty repairs) are retained by cleanvswatch.com for \
             quality control and warranty validation. These parts will not be returned to customers unless \
             explicitly agreed in writing before repairs begin."
        }
        "policy.shipping_insurance_rate" => {
            "Insurance is an optional service (displayed during checkout). … Insurance fees (8% of total order \
             amount) are non-refundable, even if the order is returned."
        }
        "policy.signature_threshold" => {
            "For high-value orders (over $500), signature confirmation upon delivery is mandatory—this cannot be \
             waived for security reasons."
        }
        "policy.shop_pays_shipping_within" => {
            "Unless stated otherwise in this policy, you are responsible for arranging product delivery and covering \
             all associated costs (e.g., shipping, insurance, customs fees)."
        }
        "policy.warranty" => {
            "To apply for warranty-covered repairs (validity period as specified on your original invoice), submit \
             original purchase records … [Caseback: no length is stated; 12 months is the default, set what your \
             invoices state.]"
        }
        "policy.warranty_starts" => {
            "submit original purchase records—including an invoice or order confirmation copy clearly stating the \
             purchase date, product model, and order number."
        }
        "policy.return_window" | "policy.return_window_starts" => {
            "You may request a return and full refund within 10 days of submitting your return request (not the \
             product’s delivery date). The request must be made after the product is delivered (confirmed by courier \
             tracking showing \"delivered\")."
        }
        "policy.returns_condition" => {
            "The product must be in fully resalable condition: no signs of handling beyond opening the outer \
             packaging (e.g., no smudges on watch crystals, unopened accessory pouches, no adjusted watch bands)."
        }
        "policy.colour_claims_accepted" => "Returns for \"color mismatch\" are not accepted.",
        "policy.non_returnable" => {
            "All returned products must strictly meet the \"unused & pristine condition\" standard … [Caseback: no \
             category is excluded by name.]"
        }
        "policy.rma_validity" => "RMA codes expire 5 days after issuance—contact us to extend validity if needed.",
        "policy.rma_required" => {
            "Packages without a visible RMA code (printed on the outer label) will be held for 3 days before being \
             returned to you (at your cost)."
        }
        "policy.no_rma_hold" => {
            "Packages without a visible RMA code (printed on the outer label) will be held for 3 days before being \
             returned to you (at your cost)."
        }
        "policy.inspection_due" => {
            "Once we receive and sign for the package, our quality control team will inspect the product within 2 \
             business days."
        }
        "policy.partial_refund_min" | "policy.partial_refund_max" => {
            "If the product shows signs of use but remains functionally undamaged, we will: … Process a partial \
             refund (20–40% of the purchase price, depending on wear severity—details provided in writing)."
        }
        "policy.refund_due" | "policy.original_shipping_refunded" => {
            "If the product meets return standards, a full refund (excluding original shipping fees and insurance \
             costs) will be processed within 2–5 business days."
        }
        "policy.card_refund_posting" => {
            "Refunds are credited to the original card used for purchase. They typically take 7–14 business days to \
             reflect in your account (varies by card issuer)."
        }
        "policy.paypal_refund_posting" => {
            "PayPal refunds are processed immediately after inspection approval and reflect in your account within \
             24 hours."
        }
        "policy.bank_refund_posting" => {
            "Not stated in lx-watch's policy, which takes bank transfers but names no time for a refund by one; \
             Caseback's default is 1 to 3 business days."
        }
        "policy.insurance_refunded" => {
            "Insurance fees (8% of total order amount) are non-refundable, even if the order is returned."
        }
        "policy.deduct_return_customs" => {
            "You are responsible for all customs duties/fees incurred during return shipping."
        }
        "policy.paypal_refund_fee" => {
            "PayPal refunds are processed immediately after inspection approval and reflect in your account within \
             24 hours. [Caseback: no handling fee is named.]"
        }
        "policy.working_days" => {
            "Not stated in lx-watch's policy, which counts \"business days\" without naming them; Caseback's default \
             is Monday to Friday."
        }
        "policy.holidays" => {
            "Shipping Time: 7–15 business days (excludes weekends/national holidays of origin/destination) \
             [Caseback: no dates are listed; add your own closure days.]"
        }
        "policy.instalment_refund_rule" | "policy.max_instalments" => NOT_STATED,
        "money.tax_rate" => {
            "The quotation includes a line-by-line breakdown of labor costs, part prices, applicable GST, and \
             estimated repair timeline … [Caseback: the rate is not stated; enter yours.]"
        }
        "policy.return_postage" => {
            "Unless stated otherwise in this policy, you are responsible for arranging product delivery and covering \
             all associated costs (e.g., shipping, insurance, customs fees). [Caseback: a fault of the shop, such as \
             a wrong item sent, is the shop's cost.]"
        }
        "policy.returns_from_abroad" => {
            "You are responsible for all customs duties/fees incurred during return shipping. We can provide a \
             commercial invoice marked \"returned goods\" to help reduce potential duties upon request."
        }
        "policy.refund_due_from" => {
            "Once we receive and sign for the package, our quality control team will inspect the product within 2 \
             business days. … If the product meets return standards, a full refund … will be processed within 2–5 \
             business days."
        }
        _ => return None,
    })
}

/// 003, the Turkish smart watch store.
pub(super) fn turkish_store(key: &str) -> Option<&'static str> {
    const NOT_STATED: &str = "Not stated in the Turkish store's policy; Caseback's default.";
    Some(match key {
        "policy.return_evidence" => {
            "For the return of damaged or defective products that were received without being noticed during \
             delivery, our Customer Services department may request that you send a photo showing the damage or \
             defect of the product."
        }
        "policy.paired_devices_excluded" => {
            "Electronic products that are used/data transferred/matched are not suitable for resale since they are \
             legally considered second-hand."
        }
        "policy.assessment_due"
        | "policy.quotation_validity"
        | "policy.quotation_hold"
        | "policy.extra_media_request"
        | "policy.storage_grace"
        | "policy.storage_fee_per_day"
        | "policy.parts_returned"
        | "policy.shipping_insurance_rate"
        | "policy.signature_threshold"
        | "policy.warranty_starts"
        | "policy.colour_claims_accepted"
        | "policy.no_rma_hold"
        | "policy.rma_required"
        | "policy.partial_refund_min"
        | "policy.partial_refund_max"
        | "policy.paypal_refund_posting"
        | "policy.bank_refund_posting"
        | "policy.original_shipping_refunded"
        | "policy.insurance_refunded"
        | "policy.deduct_return_customs"
        | "policy.paypal_refund_fee"
        | "policy.exchange_window"
        | "policy.exchange_fee"
        | "policy.working_days"
        | "policy.holidays"
        | "money.tax_rate" => NOT_STATED,
        "policy.instalment_refund_rule" => {
            "12 Months Installment Option … The refund will be reflected on your credit card within 2-10 business \
             days under normal conditions, but may vary depending on your bank's procedures. [Caseback: how the \
             instalments go back is the bank's rule; the preset says it the way Turkish banks usually apply it.]"
        }
        "policy.shop_pays_shipping_within" => {
            "The return shipping cost of the product or products you will return belongs to the seller in the first \
             place. … the customer must pay the shipping costs for the second or more arbitrary shipments. \
             [Caseback: the first shipment is the shop's whatever the reason (who pays a return's postage); this \
             limit counts only if you switch to the shop paying for faults.]"
        }
        "policy.warranty" => "All Products are Under 2 Years Official Warranty",
        "policy.dead_on_arrival" => {
            "If there are damaged products, you should not accept these products and have the cargo officer draw up \
             a report. [Caseback: no number of days is stated; the default applies.]"
        }
        "policy.return_window" | "policy.return_window_starts" => {
            "your first priority for a refund or replacement is to submit your request to us in writing or verbally \
             through customer services within 14 days from the date of receipt."
        }
        "policy.returns_condition" => {
            "Devices in the electronics category are excluded from the right of withdrawal when unpacked and used. … \
             If the technical service confirms that the devices are not used, your products will be taken back"
        }
        "policy.max_instalments" => "12 Months Installment Option",
        "policy.non_returnable" => {
            "Headphones may be excluded from the right of withdrawal due to hygiene rules. Chargers are excluded from \
             the right of withdrawal."
        }
        "policy.rma_validity" => {
            "The return form, which includes the fields on the original invoice regarding the return, must be fully \
             filled out and signed … [Caseback: a signed form, not an RMA code; the default applies.]"
        }
        "policy.inspection_due" => {
            "If the technical service confirms that the devices are not used, your products will be taken back \
             through our contracted shipping company. [Caseback: no deadline is stated; the default applies.]"
        }
        "policy.refund_due" => {
            "The refund will be processed within 14 days of your products reaching us, using the same method you \
             used to make the payment."
        }
        "policy.card_refund_posting" => {
            "The refund will be reflected on your credit card within 2-10 business days under normal conditions, but \
             may vary depending on your bank's procedures."
        }
        "policy.replacement_due" => {
            "The replacement of these products will be carried out within 14 business days. In this case, you will \
             not be charged an additional shipping or product fee."
        }
        "policy.return_postage" => {
            "The return shipping cost of the product or products you will return belongs to the seller in the first \
             place. … the customer must pay the shipping costs for the second or more arbitrary shipments."
        }
        "policy.returns_from_abroad" => {
            "The return shipping costs of the returns carried by the cargo companies we have an agreement with will \
             be covered by us. [Caseback: returns come by Turkish cargo companies; no customs are named.]"
        }
        "policy.refund_due_from" => {
            "The refund will be processed within 14 days of your products reaching us, using the same method you \
             used to make the payment."
        }
        _ => return None,
    })
}

/// 004, the generic electronics web shop with RMA numbers.
pub(super) fn rma_web_shop(key: &str) -> Option<&'static str> {
    const NOT_STATED: &str = "Not stated in the RMA web shop's policy; Caseback's default.";
    Some(match key {
        "policy.return_evidence" => {
            "If you received any defective goods, please make sure that it is not any artificial damage; we'll need \
             you to provide some pictures about the products you received"
        }
        "policy.paired_devices_excluded"
        | "policy.assessment_due"
        | "policy.quotation_validity"
        | "policy.quotation_hold"
        | "policy.extra_media_request"
        | "policy.storage_grace"
        | "policy.storage_fee_per_day"
        | "policy.parts_returned"
        | "policy.shipping_insurance_rate"
        | "policy.signature_threshold"
        | "policy.warranty_starts"
        | "policy.dead_on_arrival"
        | "policy.return_window_starts"
        | "policy.returns_condition"
        | "policy.colour_claims_accepted"
        | "policy.partial_refund_min"
        | "policy.partial_refund_max"
        | "policy.refund_due"
        | "policy.card_refund_posting"
        | "policy.paypal_refund_posting"
        | "policy.bank_refund_posting"
        | "policy.replacement_due"
        | "policy.insurance_refunded"
        | "policy.deduct_return_customs"
        | "policy.paypal_refund_fee"
        | "policy.exchange_window"
        | "policy.exchange_fee"
        | "policy.working_days"
        | "policy.holidays"
        | "policy.instalment_refund_rule"
        | "policy.max_instalments"
        | "money.tax_rate" => NOT_STATED,
        "policy.shop_pays_shipping_within" | "policy.original_shipping_refunded" => {
            "The original shipping and return postage will not be refunded."
        }
        "policy.warranty" => {
            "If the warranty expires or products are misused, it will be declared void. [Caseback: no length is \
             stated; the default applies.]"
        }
        "policy.return_window" => {
            "Should you change your mind after purchase, please contact our customer service immediately. \
             [Caseback: no number of days is stated; the default applies.]"
        }
        "policy.non_returnable" => {
            "It is not acceptable to return the defective item for artificial damage. [Caseback: no category is \
             excluded by name.]"
        }
        "policy.rma_validity" => {
            "Defective products must be returned within 30 days since the issue date of RMA. Otherwise, no \
             replacement or refund will be made."
        }
        "policy.rma_required" => {
            "Do not return goods directly to us without getting a RMA number. … Please write the RMA number clearly \
             on the outside of package and send it back to us."
        }
        "policy.no_rma_hold" => {
            "Do not return goods directly to us without getting a RMA number. … We will not be responsible for any \
             consequence caused if customers do not mark the RMA as requested. [Caseback: no hold period is stated; \
             the default applies.]"
        }
        "policy.inspection_due" => {
            "After we receive the return products, we will test the products in factory. [Caseback: no deadline is \
             stated; the default applies.]"
        }
        "policy.return_postage" => "The original shipping and return postage will not be refunded.",
        "policy.returns_from_abroad" | "policy.refund_due_from" => NOT_STATED,
        _ => return None,
    })
}
