package io.creditflow.hostile;

import java.util.List;

/** The catalogue of hostile inputs: raw JSON values for a field, whole bodies, header values and path segments. */
final class HostileValues {

  private HostileValues() {}

  /** 1 MB of text: past every column and {@code @Size} we have. */
  static final String MEGABYTE = "A".repeat(1024 * 1024);

  /** Raw JSON put where a field's value goes (so also invalid JSON tokens). */
  static final List<String> FIELD_VALUES = List.of(
      "null", "\"\"", "\"   \"", "0", "-1", "-0.01", "0.00", "0.001", "1e400", "-1e400", "1e-400", "1E+2147483647",
      "1e1000000000", "99999999999999999999999999999999999999.99", "1.00000000000000000001",
      "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
      "NaN", "Infinity", "-Infinity", "01", "+1", ".5", "0x10", "true", "false", "[]", "{}", "[1,2]",
      "{\"a\":1}", "[null]", "\"abc\"", "\"1000.00\"", "\"12\"", "\"true\"", "\"2027-02-30\"", "\"2027-13-01\"",
      "\"0000-01-01\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"1899-12-31\"", "\"9999-12-31\"",
      "\"2027-01-31T25:00:00+08:00\"", "\"9999-12-31T23:59:59+18:00\"", "\"2027-01-31T09:00:00\"",
      "\"2027-01-31T09:00:00Z[Mars/Olympus]\"", "1700000000000", "[2027,1,31]",
      "\"'; DROP TABLE cf_loan; --\"", "\"1' OR '1'='1\"", "\"\\\" OR 1=1 --\"", "\"<script>alert(1)</script>\"",
      "\"<img src=x onerror=alert(1)>\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"#{7*7}\"", "\"{{7*7}}\"",
      "\"%s%s%s%n\"", "\"\\u202Eevil\\u202C\"", "\"\\u200F\\u05E9\\u05DC\\u05D5\\u05DD\"",
      "\"\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\"", "\"\\u0000\"", "\"a\\u0000b\"",
      "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"مرحبا بالعالم\"", "\"李伟\"", "\"Z\u0336\u0322a\u0337l\u0335g\u0337o\"",
      "\"\\r\\nX-Injected: 1\"", "\"../../etc/passwd\"", "\"%00\"", "\"\\\\\"", "\"\\t\"", "\"\uFEFF\"",
      "\"" + MEGABYTE + "\"",
      "\"" + "\uD83D\uDE00".repeat(50_000) + "\"",
      "[" + "1,".repeat(100_000) + "1]",
      "[".repeat(5000) + "]".repeat(5000),
      "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
      "\"unterminated", "'single'", "undefined", "1 2", "--1");

  /** Whole request bodies. */
  static final List<String> BODIES = List.of(
      "", " ", "null", "[]", "{}", "\"x\"", "42", "true", "{", "}", "{\"a\":", "{}}", "{} {}", "{}garbage",
      "\uFEFF{}", "<?xml version=\"1.0\"?><a/>", "a=b&c=d", "[{}]", "{\"\":1}", "{\"__proto__\":{}}",
      "{\"@class\":\"java.lang.Runtime\"}", "[\"java.util.HashMap\",{}]",
      "[".repeat(10_000) + "]".repeat(10_000),
      "\"" + MEGABYTE + "\"",
      "{\"" + MEGABYTE + "\":1}",
      "/* comment */ {}", "{'a':1}", "{a:1}");

  static final List<String> CONTENT_TYPES = List.of(
      "text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded", "multipart/form-data",
      "multipart/form-data; boundary=hostile", "application/octet-stream", "application/json; charset=EBCDIC-XYZ",
      "application/json; charset=UTF-16", "application/json; charset=ISO-8859-1", "application/json;;;",
      "application/json; charset=\"", "garbage", "*/*", "application/*", "application/problem+json",
      "application/merge-patch+json", "application/json-patch+json", "application/json; q=\u00e9",
      "application/" + "x".repeat(3000) + "+json");

  static final List<String> ACCEPTS = List.of(
      "application/xml", "image/png", "text/html", "text/plain", "garbage", "application/json;q=abc", "*/*", "",
      "application/problem+json", "application/pdf", "*/*;q=0", "application/json;q=0",
      "text/" + "x".repeat(4000));

  /** Header name and value pairs sent on top of a request. */
  static final List<String[]> HEADERS = List.of(
      new String[] {"X-Hostile", "x".repeat(6000)},
      new String[] {"User-Agent", "' OR 1=1 --<script>alert(1)</script>"},
      new String[] {"X-Forwarded-For", "127.0.0.1, ::1, ' OR 1=1, ${jndi:ldap://127.0.0.1/a}"},
      new String[] {"X-Forwarded-Host", "evil.example"},
      new String[] {"X-Forwarded-Proto", "gopher"},
      new String[] {"X-Forwarded-Prefix", "/../../engine-rest"},
      new String[] {"X-HTTP-Method-Override", "DELETE"},
      new String[] {"Accept-Language", "zz-ZZ;q=garbage, \u00e9"},
      new String[] {"Accept-Charset", "EBCDIC-XYZ"},
      new String[] {"Accept-Encoding", "gzip;q=abc, br, x".repeat(50)},
      new String[] {"Origin", "https://evil.example"},
      new String[] {"Cookie", "JSESSIONID=" + "0".repeat(2000) + "; XSRF-TOKEN=evil"},
      new String[] {"If-Match", "\"*\", garbage"},
      new String[] {"Range", "bytes=0-1,2-3," + "4-5,".repeat(500)},
      new String[] {"Content-Encoding", "gzip"},
      new String[] {"Content-Language", "x-evil;;;, \u00e9"});

  /**
   * Path segments, as sent on the wire (already percent-encoded where needed). The container (Tomcat) rejects some
   * before the application sees them, see {@link #containerMayReject(String)}.
   */
  static final List<String> PATH_SEGMENTS = List.of(
      "..", ".", "%2e%2e", "%2E", "%2F", "a%2Fb", "%5C", "a%5Cb", "%00", "a%00b", "%252F", "%25",
      "x".repeat(5000), "x".repeat(9000), "9".repeat(400), "-1", "0", "99999999999999999999", "1.5", "1e5",
      "1'%20OR%20'1'%3D'1", "%27%3B%20DROP%20TABLE%20cf_loan%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "%F0%9F%98%80", "%E2%80%AE", "%C0%AE", "%FF", "%E6%9D%8E", ";jsessionid=x", "a;b=c", "%3B", "%20", "%09",
      "~", "*", "null", "undefined", "%7Bid%7D", "%0D%0AX-Injected:%201", "a%23b", "a%3Fb=c",
      "00000000-0000-0000-0000-000000000000");

  /** Inputs Tomcat itself may refuse with a plain 400 before any of our code (and our problem details) runs. */
  static boolean containerMayReject(String rawPathSegmentOrHeader) {
    String upper = rawPathSegmentOrHeader.toUpperCase(java.util.Locale.ROOT);
    return rawPathSegmentOrHeader.length() > 7000 || upper.contains("%2F") || upper.contains("%5C")
        || upper.contains("%00") || upper.contains("%C0") || upper.contains("%FF") || upper.contains("%25")
        || upper.contains("%0D") || upper.contains("%09");
  }
}
