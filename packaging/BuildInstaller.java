import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds Switchboard's app image and .deb with jlink and jpackage. Run by the Maven profile {@code package} with the
 * build's JDK 25 (the toolchain's {@code java}), from the repository root, after {@code package} has written
 * {@code target/switchboard.jar} and {@code target/lib/}:
 *
 * <pre>java packaging/BuildInstaller.java VERSION TARGET_DIR [JVM_OPTION...]</pre>
 *
 * The JVM options (the pom's {@code app.jvm.options}) become the launcher's, beside those in
 * {@code packaging/jpackage.options}.
 *
 * Uses jlink and jpackage of the JDK running it, so the runtime it links is that JDK's. Writes, under
 * {@code TARGET_DIR/jpackage/}:
 * <ul>
 * <li>{@code runtime/}: JDK 25 and JavaFX 26 modules ({@code packaging/jlink.options}), JavaFX's natives in
 *     {@code lib/};</li>
 * <li>{@code input/}: the app jar and its libraries, JavaFX excepted (it is in the runtime);</li>
 * <li>{@code switchboard/}: the app image ({@code packaging/jpackage.options}), {@code bin/switchboard} its launcher,
 *     {@code share/} the Grafana dashboard and Prometheus alert rules from {@code packaging/} ({@link #SHARED}),
 *     {@code lib/app/gateway.aot} the gateway's AOT cache, which the launcher uses ({@link AotTraining});</li>
 * <li>{@code switchboard_VERSION_amd64.deb}: the app image as a Debian package
 *     ({@code packaging/jpackage-deb.options}, which needs {@code fakeroot} and {@code dpkg-deb}), completed by
 *     {@code DebSystemFiles} with what lives outside {@code /opt/switchboard}.</li>
 * </ul>
 */
public class BuildInstaller {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: java packaging/BuildInstaller.java VERSION TARGET_DIR [JVM_OPTION...]");
        }
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            fail("the installer is built on Linux only (an app image and a .deb)");
        }
        for (String tool : List.of("fakeroot", "dpkg-deb")) {
            if (onPath(tool) == null) {
                fail("jpackage needs " + tool + " to build the .deb; on Debian/Ubuntu: sudo apt-get install fakeroot dpkg");
            }
        }
        String version = numericVersion(args[0]);
        Path target = Path.of(args[1]);
        Path out = target.resolve("jpackage");
        Path runtime = out.resolve("runtime");
        Path input = out.resolve("input");
        Path image = out.resolve("switchboard");

        deleteTree(out);
        Files.createDirectories(input);
        List<Path> javafx = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("javafx-") && name.endsWith("-linux.jar")) {
                    javafx.add(jar);
                } else if (!name.startsWith("javafx-")) {
                    // The JavaFX jars without a classifier are empty placeholders; the rest is the app's class path.
                    Files.copy(jar, input.resolve(name));
                }
            }
        }
        if (javafx.isEmpty()) {
            fail("no javafx-*-linux.jar in " + target.resolve("lib") + "; run the package phase first");
        }
        Files.copy(target.resolve("switchboard.jar"), input.resolve("switchboard.jar"));

        step("jlink: JDK 25 + JavaFX runtime in " + runtime);
        run(jdkTool("jlink"), "@packaging/jlink.options",
                "--module-path", String.join(":", javafx.stream().map(Path::toString).toList()),
                "--output", runtime.toString());
        Path graphics = javafx.stream().filter(p -> p.getFileName().toString().startsWith("javafx-graphics-"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no javafx-graphics linux jar"));
        int natives = copyNatives(graphics, runtime.resolve("lib"));
        System.out.println(natives + " JavaFX native libraries copied into " + runtime.resolve("lib"));

        step("jpackage: app image " + image);
        List<String> appImage = new ArrayList<>(List.of(jdkTool("jpackage"), "@packaging/jpackage.options", "--type", "app-image",
                "--app-version", version, "--input", input.toString(), "--runtime-image", runtime.toString(), "--dest", out.toString()));
        for (String option : List.of(args).subList(2, args.length)) {
            appImage.addAll(List.of("--java-options", option));
        }
        run(appImage.toArray(String[]::new));
        copyShared(image);

        step("AOT cache: the gateway trained under load, lib/app/" + AotTraining.CACHE);
        AotTraining.train(image);

        step("jpackage: .deb from the app image");
        // Uncompressed: DebSystemFiles unpacks and packs it again, and compresses it once, there.
        runWith(Map.of("DPKG_DEB_COMPRESSOR_TYPE", "none"), jdkTool("jpackage"), "@packaging/jpackage-deb.options",
                "--type", "deb", "--app-version", version, "--app-image", image.toString(), "--dest", out.toString());
        step(".deb: the files outside /opt/switchboard (packaging/deb-root/, icon, /usr/bin link) and conffiles");
        try (Stream<Path> debs = Files.list(out)) {
            for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).toList()) {
                DebSystemFiles.addTo(deb, image, out.resolve("deb-tree"));
                System.out.printf("%s: %.1f MB%n", deb, Files.size(deb) / 1e6);
            }
        }
    }

    /**
     * The operators' Grafana dashboard and Prometheus alert rules (under packaging/), for {@code share/} of the app image
     * and /opt/switchboard/share/ of the .deb (DebSystemFiles adds them: a .deb made from an app image holds only
     * jpackage's own layout, and --app-content would put them under lib/).
     */
    static final List<String> SHARED = List.of("grafana/switchboard.json", "prometheus/alerts.yml");

    /** Copies {@link #SHARED} from packaging/ into the app image's {@code share/}. */
    static void copyShared(Path image) throws IOException {
        for (String file : SHARED) {
            Path to = image.resolve("share").resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(Path.of("packaging", file), to);
        }
    }

    /** jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
    static String numericVersion(String version) {
        Matcher m = Pattern.compile("^(\\d+(?:\\.\\d+){0,2})").matcher(version);
        if (!m.find()) {
            fail("the version " + version + " does not start with a number");
        }
        return m.group(1);
    }

    /** Copies the shared libraries at the top of the JavaFX graphics jar into {@code dir}. */
    static int copyNatives(Path jar, Path dir) throws IOException {
        int copied = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.isDirectory() && !entry.getName().contains("/") && entry.getName().endsWith(".so")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, dir.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                    copied++;
                }
            }
        }
        if (copied == 0) {
            fail("no native libraries in " + jar);
        }
        return copied;
    }

    static String jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        if (!Files.isExecutable(tool)) {
            fail(tool + " not found: run this with a full JDK 25 (the build's toolchain JDK)");
        }
        return tool.toString();
    }

    static void run(String... command) throws IOException, InterruptedException {
        runWith(Map.of(), command);
    }

    /** Runs {@code command} with {@code env} added to this process's environment; fails the build if it fails. */
    static void runWith(Map<String, String> env, String... command) throws IOException, InterruptedException {
        System.out.println("$ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            fail(Path.of(command[0]).getFileName() + " failed with exit code " + exit);
        }
    }

    static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static void step(String what) {
        System.out.println();
        System.out.println("== " + what);
    }

    static void fail(String why) {
        System.err.println("BuildInstaller: " + why);
        System.exit(1);
    }
}
