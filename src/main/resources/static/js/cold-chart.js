// A storage unit's temperatures over the last days, with its alarm line; the table below carries the same numbers.
(function () {
    var canvas = document.getElementById('cold-chart');
    if (!canvas || typeof Chart === 'undefined' || !canvas.dataset.values) { return; }
    var labels = canvas.dataset.labels.split('|');
    var values = canvas.dataset.values.split('|').map(Number);
    var datasets = [{ label: canvas.dataset.label, data: values, borderColor: '#2d5f73', pointRadius: 2, tension: 0.1 }];
    if (canvas.dataset.alarm) {
        var alarm = Number(canvas.dataset.alarm);
        datasets.push({ label: canvas.dataset.alarmLabel, data: values.map(function () { return alarm; }),
            borderColor: '#dc3545', borderDash: [6, 4], pointRadius: 0 });
    }
    new Chart(canvas, { type: 'line', data: { labels: labels, datasets: datasets },
        options: { maintainAspectRatio: false, animation: false } });
})();
