print('raises body')
raise ValueError('import failed')
