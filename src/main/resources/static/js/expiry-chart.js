// A small bar chart of released stock by expiry; the table above carries the same numbers.
(function () {
    var canvas = document.getElementById('expiry-chart');
    if (!canvas || typeof Chart === 'undefined') { return; }
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: canvas.dataset.labels.split('|'),
            datasets: [{
                label: canvas.dataset.label,
                data: canvas.dataset.values.split('|').map(Number),
                backgroundColor: ['#ffc107', '#2d5f73', '#198754']
            }]
        },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
})();
