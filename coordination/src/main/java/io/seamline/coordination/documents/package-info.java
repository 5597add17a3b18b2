/** Documents partners file with us (PODs, commercial invoices, packing lists), filed on what they are about. */
package io.seamline.coordination.documents;
