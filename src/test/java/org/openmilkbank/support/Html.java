package org.openmilkbank.support;

/** What a test reads of a page, without what changes from one answer to the next. */
public final class Html {

    private Html() {}

    /**
     * The page without its CSRF tokens. Each answer carries a fresh random token, which can spell any short word
     * ("HIV" once in a few hundred pages), so a test that a page does not say a word must not read the token.
     */
    public static String withoutCsrf(String html) {
        return html.replaceAll("(name=\"_csrf\" (content|value)=\")[^\"]*", "$1");
    }
}
