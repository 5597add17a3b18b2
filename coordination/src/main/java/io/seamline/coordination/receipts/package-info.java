/**
 * What arrived, as the ERP's goods receipts say: received quantities and OTIF, the comparison with what the supplier
 * shipped (short or rejected goods become a proposed deduction, more than shipped a discrepancy, or notes, per
 * policy), and the supplier's receipt advice (861, RECADV) where it wants one.
 */
package io.seamline.coordination.receipts;
