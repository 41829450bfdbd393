package org.openmilkbank.lab.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.lab.CultureReadImports;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Culture reads imported from a CSV file: the upload with the columns it needs, the rows it refused (nothing
 * imported) drawn beside it, and an import's record (the file, its sha-256, who imported it and the samples read).
 */
@Controller
@RequestMapping("/lab/culture-reads")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class CultureImportController {

    /** The file chosen. */
    record UploadForm(MultipartFile file) {}

    private final CultureReadImports imports;
    private final History history;
    private final Forms forms;
    private final Messages messages;

    CultureImportController(CultureReadImports imports, History history, Forms forms, Messages messages) {
        this.imports = imports;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/import")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String upload(Model model) {
        return uploadPage(model);
    }

    String uploadPage(Model model) {
        if (!model.containsAttribute("upload")) {
            model.addAttribute("upload", new UploadForm(null));
        }
        if (!model.containsAttribute("refusedRows")) {
            model.addAttribute("refusedRows", List.of());
        }
        model.addAttribute("columns", CultureReadImports.Column.values());
        model.addAttribute("maxKilobytes", CultureReadImports.MAX_BYTES / 1024);
        return "lab/culture-import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String importFile(
            @ModelAttribute("upload") UploadForm upload, BindingResult result, Model model, RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    try {
                        CultureReadImports.ImportView done = imports.importFile(
                                upload.file() == null ? null : upload.file().getOriginalFilename(),
                                bytes(upload.file()));
                        flash.addFlashAttribute(
                                "success",
                                messages.get("lab.cultureImport.done", done.reads(), done.rows(), done.fileName()));
                        return "redirect:/lab/culture-reads/imports/" + done.id();
                    } catch (CultureReadImports.Refused refused) {
                        model.addAttribute("refusedRows", refused.rows());
                        throw refused;
                    }
                },
                () -> uploadPage(model));
    }

    @GetMapping("/imports/{id}")
    String record(@PathVariable UUID id, Model model) {
        model.addAttribute("record", imports.find(id));
        model.addAttribute("history", history.of(CultureReadImports.RECORD, id));
        return "lab/culture-import-record";
    }

    /** The file's bytes; no file, or one past the limit, is refused on {@code file} before it is read. */
    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new RuleViolation("lab.cultureImport.file.empty").on("file");
        }
        if (file.getSize() > CultureReadImports.MAX_BYTES) {
            throw new RuleViolation("lab.cultureImport.file.tooLarge", CultureReadImports.MAX_BYTES / 1024).on("file");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new RuleViolation("lab.cultureImport.file.notCsv").on("file");
        }
    }
}
