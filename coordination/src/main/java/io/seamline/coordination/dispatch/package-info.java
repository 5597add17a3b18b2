/**
 * What we send partners first: the ERP's new purchase orders go to their suppliers (850/ORDERS, or a notice on their
 * channel) and its new planned shipments are tendered to their carriers (204), each opening the expectations it
 * creates (the 855, the 990).
 */
package io.seamline.coordination.dispatch;
