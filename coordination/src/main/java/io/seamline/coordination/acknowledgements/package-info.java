/** Partners' acknowledgements of what we sent: functional (997, 999, CONTRL) and application (824, APERAK). */
package io.seamline.coordination.acknowledgements;
