package org.openmilkbank.reporting.monthly;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** What the reporting pages' tests read of a page: the parts marked with {@code data-testid}. */
record Page(String html) {

    /** From the element whose opening tag holds {@code marker} to the end of that element's kind (a section). */
    Page part(String marker, String closing) {
        int start = html.indexOf(marker);
        if (start < 0) {
            throw new AssertionError("no " + marker + " on the page");
        }
        int end = html.indexOf(closing, start);
        return new Page(html.substring(start, end < 0 ? html.length() : end));
    }

    /** The card of one indicator on the dashboard. */
    Page indicator(String code) {
        return part("data-testid=\"indicator\" data-code=\"" + code + "\"", "</section>");
    }

    /** The texts of every element marked {@code testid}, in order (tags inside left out). */
    List<String> texts(String testid) {
        Matcher m = Pattern.compile(
                        "<(\\w+)[^>]*data-testid=\"" + Pattern.quote(testid) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(HtmlUtils.htmlUnescape(m.group(2).replaceAll("<[^>]+>", " "))
                    .replaceAll("\\s+", " ")
                    .strip());
        }
        return texts;
    }

    String text(String testid) {
        List<String> texts = texts(testid);
        if (texts.isEmpty()) {
            throw new AssertionError("no " + testid + " on the page");
        }
        return texts.get(0);
    }

    boolean has(String testid) {
        return html.contains("data-testid=\"" + testid + "\"");
    }

    /** An attribute of the first element marked {@code testid}. */
    String attr(String testid, String attribute) {
        Matcher tag = Pattern.compile("<[^>]*data-testid=\"" + Pattern.quote(testid) + "\"[^>]*>")
                .matcher(html);
        if (!tag.find()) {
            throw new AssertionError("no " + testid + " on the page");
        }
        Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"")
                .matcher(tag.group());
        return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : null;
    }
}
