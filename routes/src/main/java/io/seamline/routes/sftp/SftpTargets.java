package io.seamline.routes.sftp;

import io.seamline.model.partner.ChannelProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A partner's own SFTP server as a Camel endpoint: the channel's address ({@code sftp://host:port/path}) and its
 * settings — {@code username}, {@code password} or {@code passwordEnv} (the name of an environment variable holding
 * it), {@code privateKeyFile}, {@code knownHostsFile} (its host key is checked when given; {@code
 * strictHostKeyChecking=no} only where the partner's key cannot be known).
 */
final class SftpTargets {

    private SftpTargets() {}

    static String uri(ChannelProfile channel, String options) {
        URI address = URI.create(channel.address());
        if (!"sftp".equalsIgnoreCase(address.getScheme()) || address.getHost() == null) {
            throw new IllegalArgumentException("not an sftp:// address: " + channel.address());
        }
        var uri = new StringBuilder("sftp://").append(address.getHost());
        if (address.getPort() > 0) {
            uri.append(':').append(address.getPort());
        }
        String path = address.getPath() == null || address.getPath().isBlank() ? "/" : address.getPath();
        uri.append(path).append("?binary=true&").append(options);
        String username = channel.settings().get("username");
        if (username != null) {
            uri.append("&username=").append(URLEncoder.encode(username, StandardCharsets.UTF_8));
        }
        String password = channel.settings().get("password");
        if (password == null && channel.settings().get("passwordEnv") != null) {
            password = System.getenv(channel.settings().get("passwordEnv"));
        }
        if (password != null) {
            uri.append("&password=RAW(").append(password).append(')');
        }
        if (channel.settings().get("privateKeyFile") != null) {
            uri.append("&privateKeyFile=")
                    .append(URLEncoder.encode(channel.settings().get("privateKeyFile"), StandardCharsets.UTF_8));
        }
        String knownHosts = channel.settings().get("knownHostsFile");
        if (knownHosts != null) {
            uri.append("&useUserKnownHostsFile=false&knownHostsFile=")
                    .append(URLEncoder.encode(knownHosts, StandardCharsets.UTF_8))
                    .append("&strictHostKeyChecking=yes");
        } else {
            uri.append("&useUserKnownHostsFile=false&strictHostKeyChecking=")
                    .append("no".equalsIgnoreCase(channel.setting("strictHostKeyChecking", "yes")) ? "no" : "yes");
        }
        return uri.toString();
    }
}
