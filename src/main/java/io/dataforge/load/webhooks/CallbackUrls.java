package io.dataforge.load.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import io.dataforge.load.LoadProperties;
import io.dataforge.platform.web.ApiException;

/**
 * A callback URL must be http(s) with a host, and (unless private callbacks are allowed,
 * or the host is one of the allowed hosts) every address the host resolves to must be
 * public: no loopback, private, link-local, unique-local, wildcard or multicast address,
 * so a caller cannot make us call into our own network. Checked at upload and again at
 * delivery, since what a name resolves to may change.
 */
public final class CallbackUrls {

    private CallbackUrls() {
    }

    public static String check(String url, LoadProperties props) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        }
        catch (URISyntaxException e) {
            throw invalid("callbackUrl is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw invalid("callbackUrl must be an http or https URL with a host (and no credentials)");
        }
        String host = uri.getHost();
        boolean allowedHost = props.callbackAllowedHosts().stream().anyMatch(h -> h.equalsIgnoreCase(host));
        if (!props.allowPrivateCallbacks() && !allowedHost) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isInternal(address)) {
                        throw invalid("callbackUrl may not aim at a loopback, private or link-local address");
                    }
                }
            }
            catch (UnknownHostException e) {
                throw invalid("callbackUrl host " + uri.getHost() + " does not resolve");
            }
        }
        return uri.toString();
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6;
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, message, "INVALID_CALLBACK_URL", null);
    }

}
