package io.tocsin.api.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** PDF rendering with OpenPDF: a title block, then each section as a heading and a table. */
final class ReportPdf {

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
  private static final Font HEADER = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
  private static final Color HEADER_FILL = new Color(225, 230, 240);

  private ReportPdf() {}

  static byte[] render(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    PdfWriter.getInstance(doc, out);
    doc.addTitle("Tocsin security report " + report.period());
    doc.addCreator("Tocsin");
    doc.open();
    doc.add(new Paragraph("Tocsin security report", TITLE));
    doc.add(
        new Paragraph(
            "Tenant "
                + report.tenantId()
                + " - period "
                + report.period()
                + ": "
                + report.from()
                + " to "
                + report.to(),
            BODY));
    for (Report.Section s : report.sections()) {
      Paragraph heading = new Paragraph(s.title(), HEADING);
      heading.setSpacingBefore(14);
      heading.setSpacingAfter(6);
      doc.add(heading);
      if (s.rows().isEmpty()) {
        doc.add(new Paragraph("No data in this period.", BODY));
        continue;
      }
      doc.add(table(s.columns(), s.rows()));
    }
    doc.add(Chunk.NEWLINE);
    doc.close();
    return out.toByteArray();
  }

  private static PdfPTable table(List<String> columns, List<List<Object>> rows) {
    PdfPTable t = new PdfPTable(columns.size());
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String c : columns) {
      PdfPCell cell = new PdfPCell(new Phrase(c, HEADER));
      cell.setBackgroundColor(HEADER_FILL);
      cell.setHorizontalAlignment(Element.ALIGN_LEFT);
      t.addCell(cell);
    }
    for (List<Object> row : rows) {
      for (Object v : row) {
        t.addCell(new PdfPCell(new Phrase(v == null ? "" : v.toString(), BODY)));
      }
    }
    return t;
  }
}
