package org.motif.questionnaire.survey;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** The printable invitation: letter text in the participant's language with the link and its QR code (ZXing). */
public final class InvitationLetter {
    private InvitationLetter() {
    }

    /** A QR code of {@code url} as PNG, {@code size} pixels square, error correction M, 2-module quiet zone. */
    public static byte[] qrPng(String url, int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) image.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("The link cannot be put in a QR code: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letter's paragraphs (plain text) for a study, a participant code and a link, in en or de. */
    public static String text(String studyName, String participantId, String url, java.time.LocalDate dueDate, String language) {
        if ("de".equals(language)) {
            return "Liebe Teilnehmerin, lieber Teilnehmer,\n\n"
                    + "vielen Dank für Ihr Interesse an der Studie „" + studyName + "“. Bitte öffnen Sie den folgenden persönlichen Link "
                    + "auf Ihrem Smartphone oder Computer (oder scannen Sie den QR-Code) und beantworten Sie die Fragebögen. "
                    + "Ihre Antworten werden laufend gespeichert; Sie können jederzeit unterbrechen und später weitermachen.\n\n"
                    + url + "\n\n"
                    + (dueDate != null ? "Bitte antworten Sie bis zum " + dueDate + ".\n\n" : "")
                    + "Der Link ist nur für Sie bestimmt; bitte geben Sie ihn nicht weiter. Ihr Teilnehmer-Code: " + participantId + "\n\n"
                    + "Mit freundlichen Grüßen\nIhr Studienteam";
        }
        return "Dear participant,\n\n"
                + "thank you for your interest in the " + studyName + ". Please open the personal link below on your phone or computer "
                + "(or scan the QR code) and answer the questionnaires. Your answers are saved as you go; you can stop at any time and continue later.\n\n"
                + url + "\n\n"
                + (dueDate != null ? "Please answer by " + dueDate + ".\n\n" : "")
                + "This link is for you only; please do not pass it on. Your participant code: " + participantId + "\n\n"
                + "With kind regards,\nThe study team";
    }
}
