package io.dataforge.watch.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.watch.RejectedFileException;
import io.dataforge.watch.WatchProperties;
import org.springframework.stereotype.Component;

/**
 * Moves a file that cannot be processed into the error folder, under the same relative
 * path, with a {@code <name>.error.json} beside it saying when, what and why (and the
 * row, for data errors).
 */
@Component
class RejectedFiles {

    private final WatchProperties props;

    private final ObjectMapper json;

    RejectedFiles(WatchProperties props, ObjectMapper json) {
        this.props = props;
        this.json = json;
    }

    /** The {@code .error.json} beside a rejected file; the row only for data errors. */
    record Rejection(String time, String path, String errorType, String details,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long rowNumber) {
    }

    /** Returns where the file now is. */
    Path moveToErrorFolder(Path file, String path, RejectedFileException error) throws IOException {
        Path target = props.errorFolder().resolve(path).normalize();
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        Rejection report = new Rejection(Instant.now().toString(), path, error.errorType(), error.getMessage(),
                error.rowNumber());
        json.writerWithDefaultPrettyPrinter()
            .writeValue(target.resolveSibling(target.getFileName() + ".error.json").toFile(), report);
        return target;
    }

}
