/** Renders editor notes from the safe Markdown tree as elements and text: no HTML string is ever parsed. */
import type { ComponentChildren } from 'preact';
import { parseMarkdown, type Block, type Inline } from '../workspace/markdown.ts';

function inlines(nodes: Inline[]): ComponentChildren {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={index}>{inlines(node.children)}</strong>;
      case 'em':
        return <em key={index}>{inlines(node.children)}</em>;
      case 'code':
        return <code key={index}>{node.text}</code>;
      case 'link':
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer">
            {inlines(node.children)}
          </a>
        );
    }
  });
}

function block(node: Block, index: number) {
  switch (node.type) {
    case 'heading': {
      const Tag = (['h3', 'h4', 'h5'] as const)[node.level - 1]!;
      return <Tag key={index}>{inlines(node.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={index}>{inlines(node.children)}</p>;
    case 'quote':
      return <blockquote key={index}>{inlines(node.children)}</blockquote>;
    case 'code':
      return (
        <pre key={index}>
          <code>{node.text}</code>
        </pre>
      );
    case 'list': {
      const items = node.items.map((item, i) => <li key={i}>{inlines(item)}</li>);
      return node.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
    }
  }
}

export function Markdown({ source, label }: { source: string; label: string }) {
  return (
    <div class="markdown" role="region" aria-label={label}>
      {parseMarkdown(source).map(block)}
    </div>
  );
}
