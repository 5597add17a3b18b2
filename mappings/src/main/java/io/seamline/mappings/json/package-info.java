/** The one JSON configuration every module shares, so canonical JSON looks the same wherever it is written. */
package io.seamline.mappings.json;
