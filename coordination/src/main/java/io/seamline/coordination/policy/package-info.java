/**
 * Decision boundaries: rules with an id and a version that say whether the gateway may act on its own (inside the
 * tolerances agreed with a partner) or a person must decide. Limits come from the partner's policy, then the item
 * category's, then the defaults.
 */
package io.seamline.coordination.policy;
