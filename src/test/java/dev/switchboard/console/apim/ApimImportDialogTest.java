package dev.switchboard.console.apim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.apim.ApimImporter;
import dev.switchboard.apim.ImportException;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.console.config.ConfigEditorModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What File → Import APIM… shows before loading, and what loading does to the editor (nothing applied). */
class ApimImportDialogTest {

    @Test
    void reportListsWhatWasNotTranslatedFirstThenTheRest() throws ImportException {
        ApimImporter.Result result = ApimImporter.run(List.of(Path.of("test-data/apim/weighted-random.arm.json")), Map.of(), null);
        List<String> lines = ApimImportDialog.lines(result.report());
        assertThat(lines.getFirst()).isEqualTo("Not translated (5)");
        assertThat(lines.get(1)).isEqualTo("    test-data/apim/weighted-random.arm.json#resources[1].properties.value:4:5: set-variable: "
                + "a multi-statement @{...} block is not translated (hint: use a pool (round-robin or weighted))");
        assertThat(lines).contains("Translated (3)");
        assertThat(lines.indexOf("Translated (3)")).isGreaterThan(5);
    }

    @Test
    void loadingPutsTheImportedConfigIntoTheEditorWithoutApplyingIt() throws ImportException {
        ApimImporter.Result result = ApimImporter.run(List.of(Path.of("test-data/apim/geo-routing.arm.json")),
                Map.of("orders-eu-url", "http://127.0.0.1:1", "orders-apac-url", "http://127.0.0.1:2", "orders-us-url", "http://127.0.0.1:3"), null);
        ConfigEditorModel editor = new ConfigEditorModel(() -> null, id -> null, id -> -1, Runnable::run);
        editor.openImported(ConfigWriter.toJson(result.config()), "from APIM: " + result.report().summary());
        assertThat(editor.problems()).isEmpty();
        assertThat(editor.parsedProperty().get().apis().getFirst().rules()).hasSize(2);
        assertThat(editor.statusProperty().get()).isEqualTo("imported from APIM: 8 translated, 0 approximated, 0 warnings, "
                + "0 not translated (not applied yet)");
    }
}
