// Return decisions and arrivals in plain words, for the decision and package cards.

/** The decision as staff and customer would say it; `d` is {decision, ...}. */
export function decisionWords(d) {
  switch (d?.decision) {
    case 'approve': return 'Refund approved';
    case 'partial_refund': return 'Return denied, partial refund for wear';
    case 'ship_back': return 'Return denied: the item goes back at the customer’s cost';
    case 'exchange': return 'Exchange: a replacement goes to the customer';
    default: return 'Decided';
  }
}

/** How the refund goes back: "to the original card", "by PayPal", "by bank transfer". */
export function refundBy(method, label) {
  return { original_card: 'to the original card', paypal: 'by PayPal', bank_transfer: 'by bank transfer' }[method] ?? `by ${label ?? method}`;
}

/** How a package arrived, from its receipt's arrival ({arrival, valid_through?}). */
export function arrivalWords(a) {
  switch (a?.arrival) {
    case 'valid_rma': return 'With a valid RMA code';
    case 'expired_rma': return `With an expired RMA code (it was valid through ${a.valid_through})`;
    default: return 'Without a valid RMA code';
  }
}
