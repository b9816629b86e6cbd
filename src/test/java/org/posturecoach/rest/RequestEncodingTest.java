package org.posturecoach.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.posturecoach.rest.AssessmentFixtures.JSON;
import static org.posturecoach.rest.AssessmentFixtures.PATH;
import static org.posturecoach.rest.AssessmentFixtures.PROBLEM;
import static org.posturecoach.rest.AssessmentFixtures.answers;
import static org.posturecoach.rest.AssessmentFixtures.body;
import static org.posturecoach.rest.AssessmentFixtures.total;
import static org.posturecoach.rest.AssessmentFixtures.uniqueRef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/** A body the service would misread is a 415 before it is read, and nothing is stored. */
@QuarkusTest
class RequestEncodingTest {

    /** Sends the Content-Type exactly as given (RestAssured would otherwise add or change its charset). */
    private static RequestSpecification raw(String contentType) {
        return given().config(RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Content-Type", contentType);
    }

    private static byte[] json(Object body) throws IOException {
        return JSON.writeValueAsBytes(body);
    }

    // Before: a gzip body was a "malformed JSON" 400, and "br" over a plain body was read as if uncompressed.
    @Test
    void aCompressedBodyIs415WithAcceptEncodingAndStoresNothing() throws IOException {
        String ref = uniqueRef("gzip");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(json(body(ref, answers())));
        }
        raw("application/json").header("Content-Encoding", "gzip").body(zipped.toByteArray()).when().post(PATH)
                .then().statusCode(415).contentType(PROBLEM).header("Accept-Encoding", equalTo("identity"))
                .body("status", equalTo(415)).body("detail", containsString("Content-Encoding (gzip)"));
        raw("application/json").header("Content-Encoding", "br").body(json(body(ref, answers()))).when().post(PATH)
                .then().statusCode(415).contentType(PROBLEM);
        assertEquals(0, total(ref));
        // Near miss: identity is no coding at all.
        raw("application/json").header("Content-Encoding", "identity").body(json(body(ref, answers())))
                .when().post(PATH).then().statusCode(201);
        assertEquals(1, total(ref));
    }

    // JSON between systems is UTF-8 (RFC 8259): a Latin-1 "café" was a 400 "Invalid UTF-8 middle byte", an ASCII body
    // declared Latin-1 a success read from the wrong charset.
    @ParameterizedTest
    @ValueSource(strings = { "ISO-8859-1", "utf-16", "windows-1252" })
    void aJsonBodyInAnotherCharsetIs415(String charset) throws IOException {
        String ref = uniqueRef("charset");
        raw("application/json; charset=" + charset).body(json(body(ref, answers()))).when().post(PATH)
                .then().statusCode(415).contentType(PROBLEM).body("detail", containsString("charset " + charset));
        assertEquals(0, total(ref));
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json; charset=UTF-8", "application/json; charset=\"utf-8\"",
            "application/json;charset=utf8", "application/json", "application/json ; charset=utf-8" })
    void utf8OrNoCharsetIsRead(String contentType) throws IOException {
        String ref = uniqueRef("utf8");
        raw(contentType).body(json(body(ref, answers())).clone()).when().post(PATH + "/preview").then()
                .statusCode(200).body("clientRef", equalTo(ref));
        raw(contentType).body("{\"clientRef\":\"café\",\"answers\":{}}".getBytes(StandardCharsets.UTF_8))
                .when().post(PATH + "/preview").then().statusCode(400)
                .body("errors.pointer", org.hamcrest.Matchers.hasItem("/answers/experience"));
    }

    // Found by an audit: Jackson decoded the overlong UTF-8 form C0 AF as "/" (a body stored with clientRef "probe/ovl")
    // and read UTF-16 and UTF-32 bodies sent without a charset by guessing from their zero bytes. Each is a 400
    // naming the first bad byte, and nothing is stored.
    @ParameterizedTest
    @ValueSource(strings = { "overlong-2", "overlong-3", "above-10FFFF", "surrogate", "utf-16le", "utf-16-bom",
            "utf-32", "nul" })
    void aBodyThatIsNotUtf8JsonTextIs400AndStoresNothing(String kind) throws IOException {
        String ref = uniqueRef("utf8");
        String text = JSON.writeValueAsString(body(ref + "X", answers()));
        int at = text.indexOf(ref + "X") + ref.length();
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] bad = switch (kind) {
            case "overlong-2" -> new byte[] { (byte) 0xC0, (byte) 0xAF };
            case "overlong-3" -> new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF };
            case "above-10FFFF" -> new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 };
            case "surrogate" -> new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
            case "nul" -> new byte[] { 0 };
            default -> null;
        };
        byte[] sent = switch (kind) {
            case "utf-16le" -> text.getBytes(StandardCharsets.UTF_16LE);
            case "utf-16-bom" -> text.getBytes(StandardCharsets.UTF_16);
            case "utf-32" -> text.getBytes(java.nio.charset.Charset.forName("UTF-32"));
            default -> concat(head, bad, tail);
        };
        for (String path : new String[] { PATH, PATH + "/preview" }) {
            raw("application/json").body(sent).when().post(path).then().statusCode(400).contentType(PROBLEM)
                    .body("status", equalTo(400)).body("title", equalTo("Malformed JSON"))
                    .body("detail", containsString("must be UTF-8 (RFC 8259)"));
        }
        assertEquals(0, total(ref + "/"));
        assertEquals(0, total(ref));
        // Near miss: the same body with a real "/" (and a real non-ASCII character) is read.
        raw("application/json").body(concat(head, "/é".getBytes(StandardCharsets.UTF_8), tail)).when().post(PATH)
                .then().statusCode(201).body("clientRef", equalTo(ref + "/é"));
    }

    // Found by an audit: the first bad byte is named even when a later one is of another kind; a body of a byte-order
    // mark alone is the empty body (400 naming the missing answers on preview), not "Invalid UTF-8".
    @Test
    void theFirstBadByteIsNamedAndALoneByteOrderMarkIsAnEmptyBody() throws IOException {
        byte[] both = "{\"clientRef\":\"a\u00c0\u00afb\",\"answers\":{\"x\":\"\u0000\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        raw("application/json").body(both).when().post(PATH + "/preview").then().statusCode(400)
                .body("detail", containsString("byte 15 (0xC0) is not well-formed UTF-8"));
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        String empty = raw("application/json").body(new byte[0]).when().post(PATH + "/preview").then()
                .statusCode(400).extract().path("detail");
        raw("application/json").body(bom).when().post(PATH + "/preview").then().statusCode(400)
                .body("detail", equalTo(empty));
        raw("application/json").body(concat(bom, json(body(null, answers())).clone())).when().post(PATH + "/preview")
                .then().statusCode(200);
    }

    // Found by an audit: two byte-order marks were accepted (Jackson skips a second one too), and a mark after the
    // JSON was refused as "Invalid UTF-8 start byte 0xbb". JSON allows one mark, at the very start; inside a string
    // U+FEFF is a character like any other (the near miss).
    @Test
    void aByteOrderMarkAnywhereButTheStartIsRefusedNamingItsByte() throws IOException {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] valid = json(body(null, answers()));
        raw("application/json").body(concat(bom, bom, valid)).when().post(PATH + "/preview").then().statusCode(400)
                .contentType(PROBLEM).body("title", equalTo("Malformed JSON"))
                .body("detail", equalTo("The request body is not valid JSON: byte 3 starts a byte-order mark "
                        + "(U+FEFF), which is allowed only once, at the very start of the body"));
        raw("application/json").body(concat(valid, bom)).when().post(PATH + "/preview").then().statusCode(400)
                .body("detail", containsString("byte " + valid.length + " starts a byte-order mark"));
        raw("application/json").body(concat(bom, "{\"answers\":".getBytes(StandardCharsets.UTF_8), bom,
                json(answers()), "}".getBytes(StandardCharsets.UTF_8))).when().post(PATH + "/preview").then()
                .statusCode(400)
                .body("detail", containsString("byte 14 starts a byte-order mark"));
        String ref = uniqueRef("bom") + "\uFEFF";
        raw("application/json").body(concat(bom, json(body(ref, answers())))).when().post(PATH + "/preview").then()
                .statusCode(200).body("clientRef", equalTo(ref));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // A POST that takes no body (replay) refuses a compressed one or one in another charset like any other POST, as the
    // OpenAPI document lists; near miss: no body at all is a replay.
    @Test
    void aBodilessPostRefusesACompressedBodyToo() throws IOException {
        String id = raw("application/json").body(json(body(uniqueRef("replay415"), answers()))).when().post(PATH)
                .then().statusCode(201).extract().path("id");
        raw("application/json").header("Content-Encoding", "gzip").body(new byte[] { 31, -117, 8, 0 }).when()
                .post(PATH + "/" + id + "/replay").then().statusCode(415).contentType(PROBLEM);
        raw("application/json; charset=utf-16").body("{}".getBytes(StandardCharsets.UTF_16)).when()
                .post(PATH + "/" + id + "/replay").then().statusCode(415).contentType(PROBLEM);
        given().when().post(PATH + "/" + id + "/replay").then().statusCode(200);
    }

    // Another media type keeps its own 415, whatever its charset.
    @Test
    void anotherMediaTypeIsRefusedForItsType() {
        raw("text/plain; charset=ISO-8859-1").body("answers").when().post(PATH + "/preview").then().statusCode(415)
                .contentType(PROBLEM).body("detail", equalTo("Send the body as application/json"));
    }
}
