import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldInput } from '../../../components';

interface SearchBoxProps {
  id: string;
  placeholder: string;
  /** The query searched (trimmed); an empty one clears the search. */
  onSearch: (query: string) => void;
  active: boolean;
}

/** A search field with a large 搜索 button (and 清除 while a search is shown). */
export function SearchBox({ id, placeholder, onSearch, active }: SearchBoxProps) {
  const [text, setText] = useState('');
  const submit = () => onSearch(text.trim());
  return (
    <View className="search">
      <FieldInput
        className="search__input"
        id={id}
        value={text}
        placeholder={placeholder}
        confirmType="search"
        onInput={(event) => setText(event.detail.value)}
        onConfirm={submit}
      />
      <Text className="search__button" id={`${id}-submit`} onClick={submit}>
        搜索
      </Text>
      {active ? (
        <Text
          className="search__clear"
          id={`${id}-clear`}
          onClick={() => {
            setText('');
            onSearch('');
          }}
        >
          清除
        </Text>
      ) : null}
    </View>
  );
}
