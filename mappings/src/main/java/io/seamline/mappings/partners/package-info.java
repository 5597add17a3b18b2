/** Partner profiles as the onboarding API receives them, checked field by field. */
package io.seamline.mappings.partners;
