package org.plantwin.twin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written OpenAPI 3 document of the service ({@code resources/http/openapi.json}). */
public final class OpenApi {

    static final String RESOURCE = "/http/openapi.json";

    private OpenApi() {
    }

    /** The document's text. */
    public static String document() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource (" + RESOURCE + ") is missing from the twin jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
