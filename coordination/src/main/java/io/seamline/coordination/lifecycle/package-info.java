/**
 * A partner's lifecycle per document type (ONBOARDING, TESTING, LIVE, SUSPENDED): which traffic is production, test
 * or refused; test runs through the recording side of the effects port; certification graded from what test documents
 * showed; go-live as a decision with a reason.
 */
package io.seamline.coordination.lifecycle;
