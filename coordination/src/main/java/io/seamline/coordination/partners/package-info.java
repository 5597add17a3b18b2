/** Onboarding partners and keeping their profiles: identifiers, channels, SLA and policy overrides. */
package io.seamline.coordination.partners;
