package dev.switchboard.console.config;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LineDiff;
import dev.switchboard.console.embedded.EmbeddedGatewayFeed;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.config.form.ConfigFormModel;
import dev.switchboard.console.config.form.FormField;
import dev.switchboard.console.config.form.OutlineItem;
import dev.switchboard.console.rehearsal.WeightChange;
import dev.switchboard.demo.DemoOnFreePorts;
import dev.switchboard.gateway.Gateway;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor against a real gateway in this process (backends need not run: nothing is proxied). */
class ConfigEditorModelTest {

    private final Gateway gateway = Gateway.start(DemoOnFreePorts.config(), new InetSocketAddress("127.0.0.1", 0));
    private final EmbeddedGatewayFeed feed = new EmbeddedGatewayFeed("gw", gateway);
    private final ConfigEditorModel editor = new ConfigEditorModel(() -> "gw", id -> feed.control(),
            id -> gateway.engine().version(), Runnable::run);

    @AfterEach
    void close() {
        feed.close();
        gateway.close();
    }

    @Test
    void aValidEditShowsItsDiffAndApplies() {
        editor.reload().join();
        editor.textProperty().set(editor.textProperty().get().replace("\"tripDuration\" : \"PT20S\"", "\"tripDuration\" : \"PT45S\""));
        editor.validate();
        assertThat(editor.problems()).isEmpty();
        assertThat(editor.diff()).anyMatch(l -> l.startsWith("-") && l.contains("PT20S"))
                .anyMatch(l -> l.startsWith("+") && l.contains("PT45S"));
        long before = gateway.engine().version();

        editor.apply().join();

        assertThat(gateway.engine().version()).isGreaterThan(before);
        assertThat(gateway.config().backends().get("orders-east-1").circuitBreaker().rules().getFirst().tripDuration())
                .hasSeconds(45);
        assertThat(editor.statusProperty().get()).isEqualTo("gw: applied");
    }

    @Test
    void aPoolMemberWeightEditedInTheFormIsDiffedAndApplied() {
        ConfigFormModel forms = new ConfigFormModel(editor.textProperty(), editor.problems(), editor.statusProperty());
        editor.reload().join();
        forms.selectedProperty().set(forms.outline().stream()
                .filter(i -> i.kind() == OutlineItem.Kind.POOL && i.id().equals("orders")).findFirst().orElseThrow());
        FormField weight = forms.sections().stream().flatMap(s -> s.fields().stream())
                .filter(f -> f.path().toString().equals("backends.orders.pool.services[0].weight")).findFirst().orElseThrow();

        forms.edit(weight, "35");
        editor.validate();
        assertThat(editor.diff()).anyMatch(l -> l.startsWith("-") && l.contains("\"weight\" : 50"))
                .anyMatch(l -> l.startsWith("+") && l.contains("\"weight\" : 35"));
        editor.apply().join();

        assertThat(gateway.config().backends().get("orders").pool().services().getFirst().weight()).isEqualTo(35);
        assertThat(forms.value(weight)).as("the form shows the reloaded config").isEqualTo("35");
    }

    @Test
    void anInvalidEditListsTheValidatorsProblemsAndChangesNothing() {
        editor.reload().join();
        String bad = editor.textProperty().get().replace("\"tripDuration\" : \"PT20S\"", "\"tripDuration\" : \"soon\"");
        editor.textProperty().set(bad);
        long version = gateway.engine().version();
        String hash = gateway.engine().hash();

        editor.apply().join();

        assertThat(editor.problems()).isNotEmpty().isEqualTo(ConfigLoader.parse(bad).problems());
        assertThat(editor.problems().getFirst().path()).contains("tripDuration");
        assertThat(editor.statusProperty().get()).startsWith("not applied: fix the");
        assertThat(gateway.engine().version()).isEqualTo(version);
        assertThat(gateway.engine().hash()).isEqualTo(hash);
    }

    @Test
    void anEditBasedOnAnOlderVersionIsRefusedAsStale() {
        editor.reload().join();
        gateway.engine().setWeight("orders", "orders-east-1", 10);
        long version = gateway.engine().version();
        editor.textProperty().set(editor.textProperty().get().replace("\"tripDuration\" : \"PT20S\"", "\"tripDuration\" : \"PT45S\""));

        editor.apply().join();

        assertThat(editor.statusProperty().get()).startsWith("gw: not applied, stale:").contains("version " + version);
        assertThat(gateway.engine().version()).isEqualTo(version);
    }

    @Test
    void anApplyAlsoGoesToTheTickedGatewaysEachRefusedWhenItMovedOn() {
        Gateway second = Gateway.start(DemoOnFreePorts.config(), new InetSocketAddress("127.0.0.1", 0));
        Gateway third = Gateway.start(DemoOnFreePorts.config(), new InetSocketAddress("127.0.0.1", 0));
        EmbeddedGatewayFeed secondFeed = new EmbeddedGatewayFeed("second", second);
        EmbeddedGatewayFeed thirdFeed = new EmbeddedGatewayFeed("third", third);
        try {
            long shownOfThird = third.engine().version();
            third.engine().setWeight("orders", "orders-east-1", 10);
            Map<String, GatewayControl> controls = Map.of("gw", feed.control(), "second", secondFeed.control(), "third", thirdFeed.control());
            ConfigEditorModel multi = new ConfigEditorModel(() -> "gw", controls::get,
                    id -> id.equals("third") ? shownOfThird : second.engine().version(), Runnable::run);
            multi.reload().join();
            multi.alsoApplyTo().setAll("second", "third");
            multi.textProperty().set(multi.textProperty().get().replace("\"tripDuration\" : \"PT20S\"", "\"tripDuration\" : \"PT45S\""));

            // The confirmation dry-runs every gateway the Apply goes to, the selected one first; a stale one says so.
            List<GatewayApplyPreview> previews = multi.preview().join();
            assertThat(previews).extracting(GatewayApplyPreview::gatewayId).containsExactly("gw", "second", "third");
            assertThat(previews.get(0).failed()).isFalse();
            assertThat(previews.get(1).preview().stillWinning()).isEmpty();
            assertThat(previews.get(2).failure()).startsWith("stale: ");

            multi.apply().join();

            assertThat(multi.statusProperty().get()).startsWith("gw: applied; second: applied; third: not applied, stale:");
            assertThat(second.config().backends().get("orders-east-1").circuitBreaker().rules().getFirst().tripDuration())
                    .hasSeconds(45);
            assertThat(third.config().backends().get("orders-east-1").circuitBreaker().rules().getFirst().tripDuration())
                    .hasSeconds(20);
        } finally {
            secondFeed.close();
            thirdFeed.close();
            second.close();
            third.close();
        }
    }

    @Test
    void aConfigThatAnswersAfterTheOperatorMovedToAnotherGatewayIsNotTakenAsTheNewOnes() {
        Gateway west = Gateway.start(DemoOnFreePorts.config(), new InetSocketAddress("127.0.0.1", 0));
        EmbeddedGatewayFeed westFeed = new EmbeddedGatewayFeed("west", west);
        try {
            west.engine().setWeight("orders", "orders-east-1", 10);
            // West's config read is held back until after the operator moved on to gw and gw's config arrived.
            CompletableFuture<GatewayControl.VersionedConfig> westAnswer = new CompletableFuture<>();
            GatewayControl slowWest = (GatewayControl) Proxy.newProxyInstance(GatewayControl.class.getClassLoader(),
                    new Class<?>[] {GatewayControl.class}, (proxy, method, args) -> method.getName().equals("config")
                            ? westAnswer : method.invoke(westFeed.control(), args));
            AtomicReference<String> selected = new AtomicReference<>("west");
            Map<String, GatewayControl> controls = Map.of("gw", feed.control(), "west", slowWest);
            ConfigEditorModel moving = new ConfigEditorModel(selected::get, controls::get,
                    id -> id.equals("gw") ? gateway.engine().version() : west.engine().version(), Runnable::run);

            CompletableFuture<Void> loadingWest = moving.reload();
            selected.set("gw");
            moving.reload().join();
            westFeed.control().config().thenAccept(westAnswer::complete).join();
            loadingWest.join();

            assertThat(moving.baseVersion()).as("gw's version, not west's").isEqualTo(gateway.engine().version())
                    .isNotEqualTo(west.engine().version());
            moving.textProperty().set(moving.textProperty().get().replace("\"tripDuration\" : \"PT20S\"", "\"tripDuration\" : \"PT45S\""));
            List<GatewayApplyPreview> previews = moving.preview().join();
            assertThat(previews).extracting(GatewayApplyPreview::gatewayId).containsExactly("gw");
            assertThat(previews.getFirst().failed()).as("gw's dry run is based on gw's version").isFalse();
        } finally {
            westFeed.close();
            west.close();
        }
    }

    @Test
    void aGatewaySelectedBeforeItsControlChannelIsUpIsLoadedOnceItsFramesArrive() {
        // The first read fails as a remote gateway's does while its connection is still being made.
        AtomicInteger reads = new AtomicInteger();
        GatewayControl connecting = (GatewayControl) Proxy.newProxyInstance(GatewayControl.class.getClassLoader(),
                new Class<?>[] {GatewayControl.class}, (proxy, method, args) -> method.getName().equals("config")
                        && reads.getAndIncrement() == 0
                        ? CompletableFuture.failedFuture(new IllegalStateException("not connected: connecting"))
                        : method.invoke(feed.control(), args));
        ConfigEditorModel early = new ConfigEditorModel(() -> "gw", id -> connecting, id -> gateway.engine().version(),
                Runnable::run);

        early.reload().join();
        assertThat(early.statusProperty().get()).isEqualTo("cannot load the gateway's config: not connected: connecting");
        early.follow(0);
        assertThat(reads).as("no frame of it yet: nothing to retry on").hasValue(1);

        early.follow(gateway.engine().version());
        awaitIdle();

        assertThat(early.statusProperty().get()).isEqualTo("loaded config version " + gateway.engine().version() + " from gw");
        assertThat(early.baseVersion()).isEqualTo(gateway.engine().version());
        assertThat(early.textProperty().get()).contains("\"orders-east-1\"");
    }

    @Test
    void saveIsAtomicAndKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, "old");
        editor.textProperty().set("new");
        editor.save(file);
        assertThat(file).hasContent("new");
        assertThat(ConfigFiles.backupOf(file)).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void lineDiffShowsChangesWithContext() {
        assertThat(LineDiff.diff("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nd\nE\nf\ng\nh")).containsExactly(
                "  c", "  d", "- e", "+ E", "  f", "  g");
    }

    @Test
    void withoutEditsTheEditorReloadsTheGatewaysNewConfig() {
        editor.reload().join();
        gateway.applyConfig(WeightChange.apply(gateway.config(), "orders", "orders-east-2", 40));

        editor.follow(gateway.engine().version());

        awaitIdle();
        assertThat(editor.textProperty().get()).contains("\"weight\" : 40");
        assertThat(editor.edited()).isFalse();
        assertThat(editor.rebaseOfferProperty().get()).isNull();
    }

    @Test
    void editsAreRebasedOntoTheGatewaysNewConfigKeepingBothChanges() {
        editor.reload().join();
        editor.textProperty().set(editor.textProperty().get().replaceFirst("\"weight\" : 50", "\"weight\" : 35"));
        gateway.applyConfig(WeightChange.apply(gateway.config(), "orders", "orders-east-2", 45));

        editor.follow(gateway.engine().version());
        awaitIdle();

        ConfigEditorModel.RebaseOffer offer = editor.rebaseOfferProperty().get();
        assertThat(offer).isNotNull();
        assertThat(offer.diff()).anyMatch(l -> l.startsWith("+") && l.contains("\"weight\" : 45"));
        assertThat(editor.textProperty().get()).contains("\"weight\" : 35").doesNotContain("\"weight\" : 45");

        editor.rebase();
        assertThat(editor.textProperty().get()).contains("\"weight\" : 35", "\"weight\" : 45");
        editor.apply().join();
        assertThat(editor.statusProperty().get()).isEqualTo("gw: applied");
        assertThat(gateway.config().backend("orders").pool().services().get(0).effectiveWeight()).isEqualTo(35);
        assertThat(gateway.config().backend("orders").pool().services().get(1).effectiveWeight()).isEqualTo(45);
    }

    @Test
    void anOverrideOnlyChangeBasesTheEditsOnTheNewVersionWithoutAskingAndApplySaysTheOverrideStillWins() {
        editor.reload().join();
        editor.textProperty().set(editor.textProperty().get().replaceFirst("\"weight\" : 50", "\"weight\" : 20"));
        gateway.engine().setWeight("orders", "orders-east-1", 30);

        editor.follow(gateway.engine().version());
        awaitIdle();

        assertThat(editor.rebaseOfferProperty().get()).isNull();
        assertThat(editor.statusProperty().get()).contains("runtime overrides only");
        ApplyPreview preview = editor.preview().join().getFirst().preview();
        assertThat(preview.stillWinning()).containsExactly(
                "weight orders/orders-east-1: override 30 still wins over the config's 20");
        // 30 against 50 in priority group 1; the west members (group 2) get nothing while east is available.
        assertThat(preview.split()).contains("orders: orders-east-1 38%, orders-east-2 63%, orders-west-1 0%, orders-west-2 0%");
    }

    /** Follow's read of the config runs on the feed's worker and lands on the test thread (Runnable::run). */
    private void awaitIdle() {
        feed.control().config().join();
    }
}
