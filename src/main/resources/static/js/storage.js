// Put-away by scanner: a scanner types the code and presses Enter; Enter in the first field goes to the next one
// (the place) unless it is already filled in, when the form is sent.
document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (event.key !== 'Enter' || !input.matches || !input.matches('[data-enter-next]')) { return; }
    var next = document.querySelector(input.dataset.enterNext);
    if (!next || !input.value.trim()) { return; }
    if (!next.value.trim()) {
        event.preventDefault();
        next.focus();
    }
});
