package org.earmark.io;

import static org.earmark.core.Preconditions.checkArgument;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tables as an XLSX workbook, a sheet each: the package parts fastexcel writes (minus its shared
 * strings, which inline text does not need), the sheets from {@link XlsxSheet}, in a
 * {@link ZipWriter} that deflates on every core.
 *
 * <p>Why not fastexcel itself: it deflates each sheet on the thread that fills it, and its floor
 * for the 450,000-row Events sheet of a trial-sized study is 1.3 s of CPU on the two-core machine
 * it was measured on, over the 1 s that issue 8 allows the whole export. Writing the XML as bytes
 * and deflating in parallel blocks takes about half that.
 */
final class XlsxWorkbook {

    /**
     * Deflate level. Level 4 (fastexcel's default) gave a 15% smaller file for half again the time;
     * the export is waited for, and the file is not kept on a slow link.
     */
    static final int COMPRESSION_LEVEL = 1;

    private static final String SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas"
            + ".openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"0\"></numFmts><fonts count=\"2\"><font>"
            + "<sz val=\"11.00\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11.00\"/>"
            + "<color rgb=\"FF000000\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill"
            + " patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders"
            + " count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs"
            + " count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs"
            + " count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\""
            + " fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs><dxfs count=\"0\"></dxfs></styleSheet>";

    private XlsxWorkbook() {
    }

    /**
     * @param appVersion {@code major.minor}, as the extended properties want it
     * @param created    the creation time the core properties record
     */
    static void write(OutputStream out, List<Table> tables, String appVersion, Instant created) throws IOException {
        checkArgument(!tables.isEmpty(), "a workbook needs at least one table, got none");
        HashSet<String> names = new HashSet<>();
        for (Table t : tables) {
            checkArgument(t.name().length() <= 31 && !t.name().isBlank() && t.name().matches("[^\\[\\]:*?/\\\\]+")
                    && names.add(t.name().toLowerCase(Locale.ROOT)), "not a usable sheet name, or used twice: %s",
                    t.name());
        }
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "xlsx-deflate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Twice the threads in flight keeps every core busy while the oldest block is written out.
            ZipWriter zip = new ZipWriter(out, pool, COMPRESSION_LEVEL, 2 * threads);
            zip.entry("[Content_Types].xml", o -> text(o, contentTypes(tables.size())));
            zip.entry("_rels/.rels", o -> text(o, packageRelationships()));
            zip.entry("docProps/app.xml", o -> text(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties xmlns=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Earmark"
                    + "</Application><AppVersion>" + escape(appVersion) + "</AppVersion></Properties>"));
            zip.entry("docProps/core.xml", o -> text(o, coreProperties(created)));
            zip.entry("xl/workbook.xml", o -> text(o, workbook(tables)));
            zip.entry("xl/_rels/workbook.xml.rels", o -> text(o, workbookRelationships(tables.size())));
            zip.entry("xl/styles.xml", o -> text(o, STYLES));
            for (int i = 0; i < tables.size(); i++) {
                Table table = tables.get(i);
                zip.entry("xl/worksheets/sheet" + (i + 1) + ".xml", o -> XlsxSheet.write(table, o));
            }
            zip.finish();
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String contentTypes(int sheets) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\""
                + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\""
                + " ContentType=\"application/xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/workbook.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            x.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append(SHEET_TYPE).append("\"/>");
        }
        return x.append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package"
                + ".core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd"
                + ".openxmlformats-officedocument.extended-properties+xml\"/></Types>").toString();
    }

    private static String packageRelationships() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas"
                + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS
                + "/extended-properties\" Target=\"docProps/app.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas"
                + ".openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core"
                + ".xml\"/><Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/"
                + "workbook.xml\"/></Relationships>";
    }

    private static String coreProperties(Instant created) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><cp:coreProperties xmlns:cp=\"http://"
                + "schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/"
                + "elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/"
                + "XMLSchema-instance\"><dc:creator>Earmark</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                + created.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "</dcterms:created></cp:coreProperties>";
    }

    private static String workbook(List<Table> tables) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas"
                + ".openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" + RELATIONSHIPS + "\"><workbookPr"
                + " date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < tables.size(); i++) {
            x.append("<sheet name=\"").append(escape(tables.get(i).name())).append("\" r:id=\"rId").append(i + 2)
                    .append("\" sheetId=\"").append(i + 1).append("\"/>");
        }
        return x.append("</sheets><definedNames></definedNames></workbook>").toString();
    }

    private static String workbookRelationships(int sheets) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><Relationships"
                + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
                + " Target=\"styles.xml\" Type=\"" + RELATIONSHIPS + "/styles\"/>");
        for (int i = 1; i <= sheets; i++) {
            x.append("<Relationship Id=\"rId").append(i + 1).append("\" Target=\"worksheets/sheet").append(i)
                    .append(".xml\" Type=\"").append(RELATIONSHIPS).append("/worksheet\"/>");
        }
        return x.append("</Relationships>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void text(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
    }
}
