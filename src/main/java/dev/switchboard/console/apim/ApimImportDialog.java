package dev.switchboard.console.apim;

import dev.switchboard.apim.ApimImporter;
import dev.switchboard.apim.ImportException;
import dev.switchboard.apim.ImportReport;
import dev.switchboard.apim.NamedValuesFile;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File → Import APIM…: picks an ARM template or an APIOps folder (and optionally a named-values file and the region),
 * runs the import and shows its report (translated, approximated, warnings, not translated) before anything is
 * loaded into the editor. Loading applies and saves nothing.
 */
public final class ApimImportDialog {

    private static final ButtonType LOAD = new ButtonType("Load into the editor", ButtonType.OK.getButtonData());

    private ApimImportDialog() {
    }

    public static Optional<ApimImporter.Result> ask(Window owner) {
        Dialog<ApimImporter.Result> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import from Azure API Management");
        TextField input = new TextField();
        input.setPromptText("ARM template (.json) or APIOps folder");
        TextField namedValues = new TextField();
        namedValues.setPromptText("optional: JSON object of named values");
        TextField region = new TextField();
        region.setPromptText("optional: the gateway's region, e.g. westeurope");
        Button template = new Button("Template…");
        template.setOnAction(e -> choose(owner, false, input));
        Button folder = new Button("Folder…");
        folder.setOnAction(e -> choose(owner, true, input));
        Button values = new Button("File…");
        values.setOnAction(e -> choose(owner, false, namedValues));
        ListView<String> report = new ListView<>();
        report.setPrefSize(760, 360);
        Label summary = new Label("Choose the input, then Import to see the report.");
        Button run = new Button("Import");
        ApimImporter.Result[] last = new ApimImporter.Result[1];
        run.setOnAction(e -> {
            try {
                last[0] = ApimImporter.run(List.of(Path.of(input.getText().strip())), NamedValuesFile.read(namedValues.getText().isBlank() ? null : Path.of(namedValues.getText().strip())),
                        region.getText().isBlank() ? null : region.getText().strip());
                report.getItems().setAll(lines(last[0].report()));
                summary.setText(last[0].config() == null ? "no config: " + last[0].noConfig() + " (" + last[0].report().summary() + ")"
                        : last[0].report().summary());
            } catch (ImportException | RuntimeException ex) {
                last[0] = null;
                report.getItems().clear();
                summary.setText("cannot import: " + ex.getMessage());
            }
            dialog.getDialogPane().lookupButton(LOAD).setDisable(last[0] == null || last[0].config() == null);
        });
        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label("Input"), input, new HBox(4, template, folder));
        form.addRow(1, new Label("Named values"), namedValues, values);
        form.addRow(2, new Label("Region"), region, run);
        dialog.getDialogPane().setContent(new VBox(8, form, summary, report));
        dialog.getDialogPane().getButtonTypes().addAll(LOAD, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(LOAD).setDisable(true);
        dialog.setResultConverter(button -> button == LOAD ? last[0] : null);
        return dialog.showAndWait();
    }

    /** The report as the dialog lists it: what was not translated first, then approximations, warnings, translations. */
    static List<String> lines(ImportReport report) {
        List<String> lines = new ArrayList<>();
        for (ImportReport.Kind kind : List.of(ImportReport.Kind.UNSUPPORTED, ImportReport.Kind.APPROXIMATED,
                ImportReport.Kind.WARNING, ImportReport.Kind.TRANSLATED)) {
            List<ImportReport.Entry> entries = report.of(kind);
            if (!entries.isEmpty()) {
                lines.add(heading(kind) + " (" + entries.size() + ")");
                entries.forEach(entry -> lines.add("    " + entry));
            }
        }
        return lines;
    }

    private static String heading(ImportReport.Kind kind) {
        return switch (kind) {
            case UNSUPPORTED -> "Not translated";
            case APPROXIMATED -> "Approximated";
            case WARNING -> "Shown, not enforced";
            case TRANSLATED -> "Translated";
        };
    }

    private static void choose(Window owner, boolean directory, TextField into) {
        File chosen;
        if (directory) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("APIOps extractor folder");
            chosen = chooser.showDialog(owner);
        } else {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            chosen = chooser.showOpenDialog(owner);
        }
        if (chosen != null) {
            into.setText(chosen.getPath());
        }
    }
}
