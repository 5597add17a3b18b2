/** The audit trail: who changed what, when, from where and why. */
package io.seamline.coordination.audit;
