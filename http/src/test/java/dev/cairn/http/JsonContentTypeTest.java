package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonContentTypeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-8",
                "APPLICATION/JSON",
                "application/json; charset=\"utf-8\"",
                "application/json; charset=utf8"
            })
    void json_in_utf_8_is_accepted(String contentType) {
        assertThat(JsonBodies.isJson(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "text/json",
                "application/jsonp",
                "application/json-patch+json",
                "application/json; charset=utf-16",
                "multipart/form-data",
                ""
            })
    void anything_else_is_not(String contentType) {
        assertThat(JsonBodies.isJson(contentType)).isFalse();
    }
}
