/** Decisions taken by policy: which rule (id and version) saw which inputs, and what it concluded and why. */
package io.seamline.model.policy;
