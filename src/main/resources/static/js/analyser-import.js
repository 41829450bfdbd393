// The analyser import form: a progress bar while a large file uploads (htmx sends the form, multipart).
document.addEventListener('htmx:xhr:progress', function (event) {
    var bar = document.getElementById('import-progress');
    if (!bar || !event.detail.lengthComputable) { return; }
    bar.hidden = false;
    bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
});
