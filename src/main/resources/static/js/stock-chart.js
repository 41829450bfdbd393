// Released stock at each day's end and the milk dispensed that day; the table under it carries the same numbers.
(function () {
    var canvas = document.getElementById('stock-chart');
    if (!canvas || typeof Chart === 'undefined') { return; }
    var d = canvas.dataset;
    function list(text) { return text ? text.split('|') : []; }
    new Chart(canvas, {
        data: {
            labels: list(d.days),
            datasets: [
                { type: 'line', label: d.labelStock, data: list(d.stock).map(Number), borderColor: '#2d5f73',
                  yAxisID: 'y' },
                { type: 'bar', label: d.labelUse, data: list(d.use).map(Number), backgroundColor: '#ffc107',
                  yAxisID: 'y' }
            ]
        },
        options: { scales: { y: { beginAtZero: true } } }
    });
})();
