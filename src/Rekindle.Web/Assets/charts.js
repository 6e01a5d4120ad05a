// Draws every <canvas data-chart="..."> with Chart.js: the configuration is computed on the server.
document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
  const config = JSON.parse(canvas.dataset.chart);
  config.options = Object.assign({ responsive: true, maintainAspectRatio: true }, config.options || {});
  canvas.chart = new Chart(canvas, config);
  canvas.dataset.drawn = "true";
});
