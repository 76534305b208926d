/**
 * A chart as a standalone file: the SVG with the page's current text colour and background
 * written in (a file has no page around it to inherit them from), or rasterised to PNG at 2×.
 */
function standalone(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  const background = getComputedStyle(document.body).backgroundColor;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.style.color = style.color;
  clone.style.background = background;
  const width = svg.viewBox.baseVal?.width || svg.clientWidth;
  const height = svg.viewBox.baseVal?.height || svg.clientHeight;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  clone.insertBefore(rect, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

export function chartSvg(svg: SVGSVGElement): Blob {
  return new Blob([standalone(svg).text], { type: 'image/svg+xml' });
}

export async function chartPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { text, width, height } = standalone(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((done, fail) => canvas.toBlob((b) => (b ? done(b) : fail(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
