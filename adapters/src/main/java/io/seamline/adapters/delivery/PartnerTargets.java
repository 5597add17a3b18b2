package io.seamline.adapters.delivery;

import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Where a partner's channels may point: HTTP, AS2 and webhook URLs and SFTP servers only at public addresses (the
 * same {@link TargetGuard} as webhook subscriptions), folders only inside the configured data folders (the data
 * directory, the outbox, the partners' SFTP folders and {@code seamline.delivery.file-roots}). Checked when a profile
 * is onboarded or replaced, and again right before every delivery to a partner (names resolve differently over time).
 */
@Component
public class PartnerTargets {

    private static final Set<String> WEB = Set.of("http", "https");
    private static final Set<String> SFTP = Set.of("sftp");

    private final TargetGuard guard;
    private final List<Path> roots;

    public PartnerTargets(TargetGuard guard, DeliverySettings settings) {
        this.guard = guard;
        var roots = new ArrayList<Path>();
        roots.add(settings.outbox());
        roots.add(settings.partnerFolders());
        roots.addAll(settings.fileRoots());
        this.roots = roots.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
    }

    /** What is wrong with a partner's channel addresses, each as {@code channels[i].address: why}. */
    public List<String> problems(Partner partner) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < partner.channels().size(); i++) {
            ChannelProfile channel = partner.channels().get(i);
            String at = "channels[" + i + "].address: ";
            configurationProblem(channel.kind(), channel.address()).ifPresent(problem -> problems.add(at + problem));
        }
        return problems;
    }

    private Optional<String> configurationProblem(ChannelKind kind, String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return switch (kind) {
            case HTTP, AS2, WEBHOOK -> guard.configurationProblem(address, WEB);
            case SFTP -> address.startsWith("sftp://") ? guard.configurationProblem(address, SFTP) : folder(address);
            case FILE -> folder(address);
            case EMAIL, PORTAL -> Optional.empty();
        };
    }

    /** Why a delivery over {@code kind} to {@code target} may not be made now, or empty when it may. */
    public Optional<String> refusal(ChannelKind kind, String target) {
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        boolean url = target.startsWith("http://") || target.startsWith("https://");
        return switch (kind) {
            case HTTP, WEBHOOK -> guard.refusal(target);
            case AS2 -> url ? guard.refusal(target) : folder(target);
            case SFTP -> target.startsWith("sftp://") ? guard.refusal(target, SFTP) : folder(target);
            case FILE -> folder(target);
            case EMAIL, PORTAL -> Optional.empty();
        };
    }

    /** A folder must lie inside one of the data folders, after {@code ..} and symbolic links are followed. */
    private Optional<String> folder(String address) {
        Path path;
        try {
            path = Path.of(address).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return Optional.of("not a folder: " + address);
        }
        Path real = realPath(path);
        for (Path root : roots) {
            if (path.startsWith(root) && real.startsWith(realPath(root))) {
                return Optional.empty();
            }
        }
        return Optional.of(address + " is outside the data folders (" + roots + ")");
    }

    /** The path with its deepest existing ancestor's symbolic links followed. */
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
