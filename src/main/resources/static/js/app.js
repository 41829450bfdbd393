// Send the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Behaviour the pages ask for with data attributes; the Content-Security-Policy allows no inline script.
document.addEventListener('htmx:afterRequest', function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.dataset) { return; }
    if (elt.dataset.afterRequestReset !== undefined && typeof elt.reset === 'function') { elt.reset(); }
    if (elt.dataset.afterRequestClear) {
        var cleared = document.querySelector(elt.dataset.afterRequestClear);
        if (cleared) { cleared.value = ''; }
    }
    if (elt.dataset.afterRequestFocus) {
        var focused = document.querySelector(elt.dataset.afterRequestFocus);
        if (focused) { focused.focus(); }
    }
});
document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-submit-on-change]') && event.target.form) {
        event.target.form.submit();
    }
});
document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-print]');
    if (button) { window.print(); }
});
