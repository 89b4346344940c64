package io.creditflow.legal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * Renders a stored case file (JSON) as a PDF with Apache PDFBox: a title, then every section and entry as indented
 * "key: value" lines, wrapped and paged (A4). The standard Helvetica font needs no font file but has no CJK glyphs:
 * characters outside Latin-1 (e.g. a Chinese name) are printed as Unicode escapes ({@code \u738B}); the JSON case file
 * keeps the original text.
 */
@Component
class CaseFilePdf {

  private static final float MARGIN = 50;
  private static final float SIZE = 9;
  private static final float LEADING = 12;
  private static final int WRAP = 110;

  private final ObjectMapper json;

  CaseFilePdf(ObjectMapper json) {
    this.json = json;
  }

  byte[] render(LegalCaseFile file) {
    List<String> lines = new ArrayList<>();
    try {
      JsonNode root = json.readTree(file.getContent());
      lines.add("Legal case file - loan " + root.path("loanNumber").asText() + ", case " + file.getCaseId());
      lines.add("Assembled " + root.path("assembledAt").asText() + " (snapshot, unchanged since)");
      lines.add("");
      walk(root, 0, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDPageContentStream page = null;
      float y = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (page == null || y < MARGIN) {
          if (page != null) {
            page.endText();
            page.close();
          }
          PDPage next = new PDPage(PDRectangle.A4);
          document.addPage(next);
          page = new PDPageContentStream(document, next);
          page.beginText();
          page.setLeading(LEADING);
          y = next.getMediaBox().getHeight() - MARGIN;
          page.newLineAtOffset(MARGIN, y);
        }
        page.setFont(i == 0 ? bold : font, i == 0 ? 12 : SIZE);
        page.showText(printable(lines.get(i)));
        page.newLine();
        y -= LEADING;
      }
      if (page != null) {
        page.endText();
        page.close();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void walk(JsonNode node, int depth, List<String> lines) {
    String indent = "  ".repeat(depth);
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value.isContainerNode()) {
          add(lines, indent + field.getKey() + (value.isArray() ? " (" + value.size() + ")" : "") + ":");
          walk(value, depth + 1, lines);
        } else if (!value.isNull()) {
          add(lines, indent + field.getKey() + ": " + value.asText());
        }
      }
    } else if (node.isArray()) {
      int n = 1;
      for (JsonNode item : node) {
        if (item.isContainerNode()) {
          add(lines, indent + "#" + n++);
          walk(item, depth + 1, lines);
        } else {
          add(lines, indent + "- " + item.asText());
        }
      }
    }
  }

  private static void add(List<String> lines, String line) {
    String rest = line;
    while (rest.length() > WRAP) {
      lines.add(rest.substring(0, WRAP));
      rest = "    " + rest.substring(WRAP);
    }
    lines.add(rest);
  }

  /** Latin-1 printable characters as they are; anything else as a Unicode escape. */
  static String printable(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      if (ch >= 0x20 && ch <= 0x7E || ch >= 0xA0 && ch <= 0xFF) {
        b.append(ch);
      } else {
        b.append(String.format("\\u%04X", (int) ch));
      }
    }
    return b.toString();
  }
}
