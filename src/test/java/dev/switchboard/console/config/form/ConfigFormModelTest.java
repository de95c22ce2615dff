package dev.switchboard.console.config.form;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.config.ConfigEditorModel;
import dev.switchboard.demo.DemoConfig;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms over the editor's text, judged by the real validator: no toolkit, no gateway. */
class ConfigFormModelTest {

    private final ConfigEditorModel editor = new ConfigEditorModel(() -> null, id -> null, id -> -1, Runnable::run);
    private ConfigFormModel forms;

    @BeforeEach
    void load() {
        editor.textProperty().set(ConfigWriter.toJson(DemoConfig.load()));
        forms = new ConfigFormModel(editor.textProperty(), editor.problems(), editor.statusProperty());
        editor.validate();
    }

    @Test
    void theOutlineListsBackendsPoolsAndApisAndTheFirstIsSelected() {
        assertThat(forms.outline()).extracting(i -> i.kind() + " " + i.id()).containsExactly(
                "BACKEND orders-east-1", "BACKEND orders-east-2", "BACKEND orders-west-1", "BACKEND orders-west-2",
                "BACKEND catalog-1", "BACKEND catalog-2", "POOL orders", "POOL catalog", "API orders", "API catalog");
        assertThat(forms.selectedProperty().get().id()).isEqualTo("orders-east-1");
        assertThat(forms.sections()).extracting(FormSection::title)
                .containsExactly("Backend", "Breaker rule 1", "Health probe");
        assertThat(forms.value(field("backends.orders-east-1.circuitBreaker.rules[0].failureCondition.statusCodeRanges")))
                .isEqualTo("500-599");
        assertThat(forms.value(field("backends.orders-east-1.circuitBreaker.rules[0].failureCondition.errorReasons")))
                .isEqualTo("BackendConnectionFailure, Timeout");
    }

    @Test
    void aMemberWeightTypedInThePoolFormIsInTheTextAndTheValidConfig() {
        select("orders");
        AtomicInteger rebuilt = new AtomicInteger();
        forms.sections().addListener((ListChangeListener<FormSection>) c -> rebuilt.incrementAndGet());

        // Typed over a cleared field: for a moment the pool mixes weighted and unweighted members.
        forms.edit(field("backends.orders.pool.services[0].weight"), "");
        forms.edit(field("backends.orders.pool.services[0].weight"), "3");
        forms.edit(field("backends.orders.pool.services[0].weight"), "35");
        editor.validate();

        assertThat(rebuilt).as("typing keeps the form").hasValue(0);
        assertThat(editor.problems()).isEmpty();
        GatewayConfig config = ConfigLoader.parse(editor.textProperty().get()).orThrow();
        assertThat(config.backends().get("orders").pool().services().getFirst().weight()).isEqualTo(35);
        assertThat(forms.value(field("backends.orders.pool.services[0].weight"))).isEqualTo("35");
    }

    @Test
    void anInvalidRuleValueShowsTheValidatorsMessageAtItsField() {
        FormField trip = field("backends.orders-east-1.circuitBreaker.rules[0].tripDuration");

        forms.edit(trip, "soon");
        editor.validate();

        ConfigProblem problem = editor.problems().getFirst();
        assertThat(problem.path()).isEqualTo(trip.path().toString());
        assertThat(forms.placedProblems()).containsEntry(trip.path(), problem.message());
        assertThat(editor.parsedProperty().get()).isNull();
        assertThat(forms.problemCount(forms.outline().getFirst())).isEqualTo(1);
    }

    @Test
    void aProblemOfTheWholeRuleShowsAtTheRuleAndAClearedFieldFallsBackToItsDefault() {
        FormSection rule = forms.sections().get(1);

        forms.edit(field("backends.orders-east-1.circuitBreaker.rules[0].failureCondition.count"), "");
        forms.edit(field("backends.orders-east-1.circuitBreaker.rules[0].halfOpenRequests"), "");
        editor.validate();

        assertThat(forms.placedProblems()).containsOnlyKeys(rule.path());
        assertThat(forms.placedProblems().get(rule.path())).contains("\"count\" or \"percentage\"");
        assertThat(ConfigDocument.parse(editor.textProperty().get()).orElseThrow()
                .at(JsonPath.ROOT.resolve("backends.orders-east-1.circuitBreaker.rules").index(0)).has("halfOpenRequests"))
                .isFalse();
    }

    @Test
    void rulesAreAddedAndRemovedAndRemovingTheLastRuleRemovesTheBreaker() {
        forms.add(forms.additions().stream().filter(a -> a.label().equals("Add breaker rule")).findFirst().orElseThrow());
        editor.validate();
        assertThat(editor.problems()).isEmpty();
        assertThat(forms.sections()).extracting(FormSection::title).contains("Breaker rule 1", "Breaker rule 2");
        assertThat(ConfigLoader.parse(editor.textProperty().get()).orThrow().backend("orders-east-1").circuitBreaker()
                .rules()).extracting(r -> r.name()).containsExactly("orders-5xx", "rule-2");

        forms.remove(section("Breaker rule 1"));
        forms.remove(section("Breaker rule 1"));
        editor.validate();

        assertThat(editor.problems()).isEmpty();
        assertThat(ConfigLoader.parse(editor.textProperty().get()).orThrow().backend("orders-east-1").circuitBreaker()).isNull();
        assertThat(forms.additions()).extracting(Addition::label).contains("Add breaker rule");
    }

    @Test
    void anAddedMemberJoinsDrainedWithABackendNotYetInThePool() {
        select("catalog");
        forms.add(forms.additions().getFirst());
        editor.validate();
        assertThat(editor.problems()).isEmpty();
        assertThat(forms.value(field("backends.catalog.pool.services[2].id"))).isEqualTo("orders-east-1");

        select("orders");
        forms.add(forms.additions().getFirst());
        editor.validate();
        assertThat(forms.value(field("backends.orders.pool.services[4].id"))).isEqualTo("catalog-1");
        assertThat(forms.value(field("backends.orders.pool.services[4].weight"))).isEqualTo("0");

        forms.remove(section("Member 5"));
        editor.validate();
        assertThat(ConfigLoader.parse(editor.textProperty().get()).orThrow().backend("orders").pool().services()).hasSize(4);
    }

    @Test
    void aNewBackendAsksForItsUrlAtTheFieldAndATakenNameIsRefused() {
        forms.addItem(OutlineItem.Kind.BACKEND, "orders-east-3");
        editor.validate();

        assertThat(forms.selectedProperty().get().id()).isEqualTo("orders-east-3");
        assertThat(forms.placedProblems()).containsEntry(field("backends.orders-east-3.url").path(),
                "missing required field \"url\"");

        String before = editor.textProperty().get();
        forms.addItem(OutlineItem.Kind.POOL, "orders");
        assertThat(editor.statusProperty().get()).isEqualTo("'orders' is taken");
        assertThat(editor.textProperty().get()).isEqualTo(before);
    }

    @Test
    void removingAnItemLeavesItsReferencesAsProblems() {
        forms.removeItem(forms.outline().stream().filter(i -> i.id().equals("catalog")).findFirst().orElseThrow());
        editor.validate();

        assertThat(editor.problems()).extracting(ConfigProblem::path).containsExactly("apis[1].backendId");
        selectApi("catalog");
        assertThat(forms.placedProblems()).containsOnlyKeys(field("apis[1].backendId").path());
    }

    @Test
    void textThatIsNotJsonStopsTheFormsUntilItIsFixedAndTheSelectionComesBack() {
        selectApi("catalog");
        String good = editor.textProperty().get();

        editor.textProperty().set(good + "}");
        assertThat(forms.editableProperty().get()).isFalse();
        assertThat(forms.sections()).isEmpty();

        editor.textProperty().set(good.replace("\"name\" : \"catalog\"", "\"name\" : \"shop\""));
        assertThat(forms.editableProperty().get()).isTrue();
        assertThat(forms.selectedProperty().get().id()).as("the same API, renamed in the source").isEqualTo("shop");
    }

    @Test
    void anApimResourceBackendIsEditedInsideItsProperties() {
        editor.textProperty().set("""
                { "backends": { "app": { "type": "Microsoft.ApiManagement/service/backends", "name": "app",
                                          "properties": { "url": "http://127.0.0.1:9001" } } },
                  "apis": [ { "name": "api", "backendId": "app" } ] }
                """);
        forms.edit(field("backends.app.properties.url"), "http://127.0.0.1:9002");
        forms.add(forms.additions().stream().filter(a -> a.label().equals("Add health probe")).findFirst().orElseThrow());
        editor.validate();

        assertThat(editor.problems()).isEmpty();
        GatewayConfig config = ConfigLoader.parse(editor.textProperty().get()).orThrow();
        assertThat(config.backend("app").url()).isEqualTo("http://127.0.0.1:9002");
        assertThat(config.backend("app").healthProbe().path()).isEqualTo("/");
    }

    @Test
    void aClickedProblemSelectsItsItemAndNamesTheFieldThatShowsIt() {
        forms.edit(field("backends.orders-east-1.circuitBreaker.rules[0].tripDuration"), "soon");
        select("orders");
        forms.edit(field("backends.orders.pool.services[1].priority"), "0");
        editor.validate();
        select("catalog");

        ConfigProblem priority = editor.problems().stream().filter(p -> p.path().contains("priority")).findFirst().orElseThrow();
        assertThat(forms.reveal(priority)).contains(field("backends.orders.pool.services[1].priority").path());
        assertThat(forms.selectedProperty().get().id()).isEqualTo("orders");
    }

    /** Selects a backend or pool; an API only when no backend or pool has the name. */
    private void select(String id) {
        forms.selectedProperty().set(forms.outline().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow());
    }

    private void selectApi(String name) {
        forms.selectedProperty().set(forms.outline().stream()
                .filter(i -> i.kind() == OutlineItem.Kind.API && i.id().equals(name)).findFirst().orElseThrow());
    }

    private FormField field(String path) {
        return forms.sections().stream().flatMap(s -> s.fields().stream()).filter(f -> f.path().toString().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no field " + path + " in " + forms.sections()));
    }

    private FormSection section(String title) {
        return forms.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }
}
