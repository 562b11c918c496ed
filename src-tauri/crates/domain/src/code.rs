//! Every refusal's code, in one enum: snake_case on the wire, where the UI branches on it
//! (its constants in `ui/js/codes.js` are checked against `Code::ALL` by a test). A new
//! refusal gets its code here, never as a string of its own.

use std::fmt;

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident => $wire:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* $name,)*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code as it crosses IPC and the CLI's `--json`: `illegal_transition`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $wire,)*
                }
            }

            /// The code a wire string names, if it is one of ours.
            pub fn from_wire(text: &str) -> Option<Code> {
                match text {
                    $($wire => Some(Code::$name),)*
                    _ => None,
                }
            }
        }
    };
}

codes! {
    // Input and lookups
    /// Input that breaks a rule, field by field; nothing was changed.
    InvalidInput => "invalid_input",
    /// The action needs a manager's PIN (the window asks for it and sends it again).
    ApprovalNeeded => "approval_needed",
    /// The PIN given is not that manager's, or they are not a manager with a PIN.
    ApprovalRefused => "approval_refused",
    NotFound => "not_found",
    // States
    IllegalTransition => "illegal_transition",
    NeedsEvidence => "needs_evidence",
    TicketClosed => "ticket_closed",
    // Quotations
    QuotationAnswered => "quotation_answered",
    QuotationExpired => "quotation_expired",
    QuotationSuperseded => "quotation_superseded",
    // After the repair
    NoticeAlreadyIssued => "notice_already_issued",
    BalanceDue => "balance_due",
    CreditToRefund => "credit_to_refund",
    RefundExceedsCredit => "refund_exceeds_credit",
    /// A payment above what is owed, not yet confirmed as meant.
    PaymentAboveBalance => "payment_above_balance",
    PaymentAlreadyVoided => "payment_already_voided",
    /// The watch left with the entry counted: it stays as it was.
    VoidAfterHandOver => "void_after_hand_over",
    ShippingNotChosen => "shipping_not_chosen",
    SignatureRequired => "signature_required",
    // Parts and signatures
    /// A part the repair needs is not in stock: it waits as a back-order.
    OutOfStock => "out_of_stock",
    /// A document is signed once: the signature stays with it.
    AlreadySigned => "already_signed",
    // Returns
    NotEligible => "not_eligible",
    EvidenceRequired => "evidence_required",
    RmaMistyped => "rma_mistyped",
    RmaUnknown => "rma_unknown",
    RmaNotAwaited => "rma_not_awaited",
    RmaCodesExhausted => "rma_codes_exhausted",
    NoReturnOnFile => "no_return_on_file",
    NotAStrayPackage => "not_a_stray_package",
    PackageOnHold => "package_on_hold",
    ShopAddressMissing => "shop_address_missing",
    PartialRefundNotOffered => "partial_refund_not_offered",
    PartialRefundOutOfRange => "partial_refund_out_of_range",
    ExchangeNotOffered => "exchange_not_offered",
    ExchangeWindowPassed => "exchange_window_passed",
    ExchangeFeeUnpaid => "exchange_fee_unpaid",
    NoFeeOwed => "no_fee_owed",
    FeeDiffers => "fee_differs",
    RefundDiffers => "refund_differs",
    RefundMethodDiffers => "refund_method_differs",
    /// The refund, the exchange fee or the watch went out on the decision: it stays.
    DecisionFinal => "decision_final",
    /// Only a request made in store is taken in at the counter.
    NotInStore => "not_in_store",
    // The data folder and the database
    DataFolderInUse => "data_folder_in_use",
    DatabaseTooNew => "database_too_new",
    DatabaseNeedsUpgrade => "database_needs_upgrade",
    NotSetUp => "not_set_up",
    DiskFull => "disk_full",
    ReadOnly => "read_only",
    Busy => "busy",
    /// The shared database (PostgreSQL) is not answering; nothing was saved.
    ServerUnavailable => "server_unavailable",
    StorageFailure => "storage_failure",
    // Forms
    FontsMissing => "fonts_missing",
    FontUnreadable => "font_unreadable",
    LogoUnreadable => "logo_unreadable",
    RenderFailed => "render_failed",
    FormNotApplicable => "form_not_applicable",
    // The desktop around the app
    /// No program opens PDFs on this computer (none set up, or the launcher failed): the
    /// form can still be saved or printed.
    ViewerUnavailable => "viewer_unavailable",
    /// No printer (CUPS), or it refused the form; the PDF is saved.
    PrinterUnavailable => "printer_unavailable",
    /// No mail program opens `mailto:` links here: the message can still be copied.
    MailClientUnavailable => "mail_client_unavailable",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_snake_case_name_that_reads_back() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let wire = code.as_str();
            assert!(wire.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{wire}");
            assert!(seen.insert(wire), "{wire} twice");
            assert_eq!(Code::from_wire(wire), Some(*code));
            assert_eq!(serde_json::to_value(code).unwrap(), wire);
        }
    }
}
