package org.earmark.codebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The shipped codebook, and variants of it with deliberate mistakes. */
public final class TestCodebooks {

    public static final Path SHIPPED = Path.of("codebook/outcomes-focused-supervision.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestCodebooks() {
    }

    /** The shipped codebook's JSON after a change, pretty-printed. */
    public static String modified(Consumer<ObjectNode> change) throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(Files.readString(SHIPPED));
        change.accept(tree);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }
}
