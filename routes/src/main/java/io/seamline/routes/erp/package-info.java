/** The ERP's inbox folder: each file archived, imported through the coordination's ERP import, moved to done or error. */
package io.seamline.routes.erp;
