/** AS2 facts: partners' certificates and AS2 exchanges with their receipts. */
package io.seamline.model.as2;
