import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adds the files jpackage cannot place to the .deb it built: jpackage installs only under its install dir
 * ({@code /opt/switchboard}) and knows no conffiles. Unpacks the package with {@code dpkg-deb -R}, adds
 * <ul>
 * <li>every file under {@code packaging/deb-root/} at the same path (the menu entry, the systemd unit, the sample
 *     config, the access logs' logrotate rule), each under {@code etc/} listed in {@code DEBIAN/conffiles} so dpkg never overwrites an edited one;</li>
 * <li>the menu icon in the hicolor theme, from {@code packaging/linux/switchboard.png};</li>
 * <li>the Grafana dashboard and Prometheus alert rules ({@code BuildInstaller.SHARED}) under
 *     {@code /opt/switchboard/share/};</li>
 * <li>{@code /usr/bin/switchboard}, a link to the launcher, so dpkg owns and removes it;</li>
 * </ul>
 * gives the files under {@code /opt/switchboard} the app image's modification times back (for the AOT cache),
 * adds their size to {@code Installed-Size}, drops {@code xdg-utils} (and repeats) from {@code Depends} (jpackage adds it for its own
 * desktop integration, which this package does not use; the control template recommends it) and packs it again with {@code dpkg-deb --root-owner-group -b}, so files
 * are root's without fakeroot. Used by BuildInstaller.java.
 */
final class DebSystemFiles {

    static final Path ROOT = Path.of("packaging/deb-root");
    static final Path ICON = Path.of("packaging/linux/switchboard.png");
    static final String ICON_PATH = "usr/share/icons/hicolor/256x256/apps/switchboard.png";
    static final String LAUNCHER_LINK = "usr/bin/switchboard";
    static final String LAUNCHER = "/opt/switchboard/bin/switchboard";

    private DebSystemFiles() {
    }

    /** Rewrites {@code deb}, made from the app image {@code image}, in place, unpacked in {@code work} (deleted afterwards). */
    static void addTo(Path deb, Path image, Path work) throws IOException, InterruptedException {
        BuildInstaller.deleteTree(work);
        BuildInstaller.run("dpkg-deb", "-R", deb.toString(), work.toString());
        keepModificationTimes(image, work.resolve("opt/switchboard"));
        long addedKiB = 0;
        List<String> conffiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = ROOT.relativize(file).toString();
                addedKiB += place(file, work.resolve(path));
                if (path.startsWith("etc/")) {
                    conffiles.add("/" + path);
                }
            }
        }
        addedKiB += place(ICON, work.resolve(ICON_PATH));
        for (String file : BuildInstaller.SHARED) {
            addedKiB += place(Path.of("packaging", file), work.resolve("opt/switchboard/share").resolve(file));
        }
        Path link = work.resolve(LAUNCHER_LINK);
        directories(link.getParent());
        Files.createSymbolicLink(link, Path.of(LAUNCHER));
        addedKiB += 1;
        Path debian = work.resolve("DEBIAN");
        Files.writeString(debian.resolve("conffiles"), String.join("\n", conffiles) + "\n");
        Files.setPosixFilePermissions(debian.resolve("conffiles"), PosixFilePermissions.fromString("rw-r--r--"));
        Path control = debian.resolve("control");
        Files.writeString(control, withoutXdgUtilsDependency(withInstalledSize(Files.readString(control), addedKiB)));
        BuildInstaller.run("dpkg-deb", "--root-owner-group", "-b", work.toString(), deb.toString());
        BuildInstaller.deleteTree(work);
        System.out.println("added to " + deb + ": " + conffiles + " (conffiles), " + ICON_PATH + ", /" + LAUNCHER_LINK);
    }

    /**
     * jpackage copies the app image into the .deb with new modification times, and the gateway's AOT cache
     * ({@link AotTraining}) is valid only with jars whose size and modification time are the ones it was trained with.
     */
    private static void keepModificationTimes(Path image, Path installed) throws IOException {
        try (Stream<Path> files = Files.walk(image)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = installed.resolve(image.relativize(file).toString());
                if (Files.isRegularFile(copy)) {
                    Files.setLastModifiedTime(copy, Files.getLastModifiedTime(file));
                }
            }
        }
    }

    /** Copies {@code from} to {@code to} (0644, directories 0755) and returns its size in KiB, rounded up as dpkg does. */
    private static long place(Path from, Path to) throws IOException {
        directories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        return (Files.size(to) + 1023) / 1024;
    }

    /** Creates {@code dir} and its missing parents as 0755, whatever the umask. */
    private static void directories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            directories(dir.getParent());
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static String withoutXdgUtilsDependency(String control) {
        Matcher m = Pattern.compile("(?m)^Depends: (.*)$").matcher(control);
        if (!m.find()) {
            return control;
        }
        List<String> depends = Stream.of(m.group(1).split(",")).map(String::strip)
                .filter(d -> !d.isEmpty() && !d.equals("xdg-utils")).distinct().toList();
        return m.replaceFirst(Matcher.quoteReplacement("Depends: " + String.join(", ", depends)));
    }

    static String withInstalledSize(String control, long addedKiB) {
        Matcher m = Pattern.compile("(?m)^Installed-Size: (\\d+)$").matcher(control);
        if (!m.find()) {
            throw new IllegalStateException("no Installed-Size in DEBIAN/control:\n" + control);
        }
        return m.replaceFirst("Installed-Size: " + (Long.parseLong(m.group(1)) + addedKiB));
    }
}
