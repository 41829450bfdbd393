// A scanner ends every scan with Enter: move to the next field, and from a line's last field to a new line.
(function () {
    var rows = document.getElementById('container-rows');
    function addRow() {
        var last = rows.querySelector('tr.container-row:last-child');
        var row = last.cloneNode(true);
        row.querySelectorAll('input').forEach(function (input) {
            if (!/\.expressedOn$/.test(input.name)) { input.value = ''; }
            input.classList.remove('is-invalid');
        });
        // a new line has no reasons of its own yet
        row.querySelectorAll('.invalid-feedback').forEach(function (feedback) { feedback.remove(); });
        row.querySelector('[name$=".unit"]').value = last.querySelector('[name$=".unit"]').value;
        row.querySelector('[name$=".condition"]').value = 'INTACT';
        rows.appendChild(row);
        renumber();
        row.querySelector('[name$=".labelCode"]').focus();
    }
    // line i's inputs are named containers[i].…, as the form record binds them
    function renumber() {
        rows.querySelectorAll('tr.container-row').forEach(function (tr, i) {
            tr.querySelector('.container-number').textContent = i + 1;
            tr.querySelectorAll('input, select').forEach(function (field) {
                field.name = field.name.replace(/^containers\[\d+\]/, 'containers[' + i + ']');
            });
        });
    }
    rows.addEventListener('keydown', function (event) {
        if (event.key !== 'Enter') { return; }
        event.preventDefault();
        var row = event.target.closest('tr');
        var fields = Array.prototype.slice.call(row.querySelectorAll('input, select'));
        var next = fields[fields.indexOf(event.target) + 1];
        if (next) { next.focus(); } else { addRow(); }
    });
    document.getElementById('add-container').addEventListener('click', addRow);
    renumber();
    // after a refusal the scanner's next read goes to the field the reason is about
    var refused = document.querySelector('#receive-form .is-invalid');
    if (refused) { refused.focus(); }
})();
