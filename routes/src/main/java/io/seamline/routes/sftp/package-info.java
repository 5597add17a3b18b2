/**
 * SFTP with partners: our SFTP server (Apache MINA SSHD), a folder per partner with {@code in/} for its uploads and
 * {@code out/} for what we send it; polling partners' own SFTP servers; pushing files to them. Every pickup is
 * idempotent by the archive itself, so a restart or a second node never takes a file twice.
 */
package io.seamline.routes.sftp;
