/** E-mail templates as files: the shipped ones on the classpath, and a folder of partners' own. */
package io.seamline.adapters.email;
