/** Housekeeping on a timer: raw bytes moved into the blob store, retention purges. */
package io.seamline.routes.maintenance;
